package org.neuromesh.api.peer;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends and receives {@link Outbound} messages over one transport. Registered with {@value #NAME_PROPERTY} set
 * to the transport name.
 *
 * <p>Providers must deliver a {@link SealedCapsule} at least once or report failure (no silent loss, also across
 * a transport restart), verify nothing themselves (the peer runtime verifies signatures), and reject payloads
 * above their documented size limit with an {@link IOException} naming the limit.
 */
@ConsumerType
public interface PeerMessaging {

    /** Service property naming the transport. */
    String NAME_PROPERTY = "neuromesh.messaging";

    /**
     * Sends a message to its recipients (a broadcast for control messages without a recipient).
     *
     * @throws IOException if the message cannot be accepted for delivery; the reason is in the message
     */
    void send(Outbound message) throws IOException;

    /**
     * Subscribes to everything addressed to this peer or broadcast.
     *
     * @return a handle whose {@code close()} ends the subscription
     */
    AutoCloseable subscribe(InboundHandler handler);

    /** The connection as the user sees it (since 1.1; transports that do not tell it seem always connected). */
    default TransportState state() {
        return TransportState.unknown();
    }

    /** Receives messages; called on a transport thread. */
    @FunctionalInterface
    interface InboundHandler {
        void received(Outbound message);
    }
}

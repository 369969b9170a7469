package org.neuromesh.api.peer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed control message: presence, heartbeat, session control, borrow request, error signal, ...
 *
 * @param type what the message is, e.g. {@code session.propose}
 * @param sender who signed it
 * @param recipient the addressee, or {@code null} for everyone
 * @param body the message content (never raw data; see the package description)
 * @param nonce unique per sender, for replay protection
 * @param sentAt when it was signed; receivers reject messages outside their time window
 * @param signature the sender's signature over all other fields
 */
public record SignedControlMessage(String type, PeerId sender, PeerId recipient, byte[] body, long nonce,
        Instant sentAt, byte[] signature) implements Outbound {

    public SignedControlMessage {
        if (type == null || !type.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("control message type '" + type + "' must be lower-case, dotted");
        }
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        body = body == null ? new byte[0] : body.clone();
        signature = Messages.requireBytes(signature, "signature");
    }

    /** The addressee, if the message is not a broadcast. */
    public Optional<PeerId> addressee() {
        return Optional.ofNullable(recipient);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}

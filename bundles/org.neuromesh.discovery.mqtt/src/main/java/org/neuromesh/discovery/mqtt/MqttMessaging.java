package org.neuromesh.discovery.mqtt;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.crypto.WireFormat;

/**
 * Messaging over MQTT. {@link #send} encodes the message, stores one outbox file per publish (a capsule has one
 * per recipient) and only then publishes it with QoS 1; the file goes when the broker acknowledges. Inbound messages
 * that arrive while no handler is subscribed are held (up to {@value #MAX_HELD} messages and {@value #MAX_HELD_BYTES}
 * bytes: the oldest give way) and handed to the first handler. An inbound message is acknowledged to the broker only
 * once the handlers took it: one still held when the transport closes (the peer runtime went first, as it does when
 * a peer stops) comes again from the persistent session on the next start, instead of being lost.
 */
final class MqttMessaging implements PeerMessaging {

    static final int MAX_HELD = 10_000;
    /** Bytes held at most while no handler is subscribed (64 MiB): eight messages of the largest size. */
    static final long MAX_HELD_BYTES = 64L << 20;

    private static final Logger LOG = System.getLogger(MqttMessaging.class.getName());

    private final Topics topics;
    private final WireFormat format;
    private final Outbox outbox;
    private final OutboxPublisher publisher;
    private final List<InboundHandler> handlers = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long heldBytes;
    private volatile boolean closed;

    MqttMessaging(Topics topics, WireFormat format, Outbox outbox, OutboxPublisher publisher) {
        this.topics = topics;
        this.format = format;
        this.outbox = outbox;
        this.publisher = publisher;
    }

    /**
     * @throws IOException if the message is larger than {@code maxMessageBytes} (the message names the limit), the
     *         outbox cannot be written, or the transport is closed
     */
    @Override
    public void send(Outbound message) throws IOException {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw new IOException("the MQTT transport is closed");
        }
        byte[] encoded;
        try {
            encoded = format.encode(message);
        } catch (IOException e) {
            throw new IOException("not sent: " + e.getMessage() + " (maxMessageBytes)", e);
        }
        List<String> destinations = destinations(message);
        for (String topic : destinations) {
            int packet = packetBytes(topic, encoded.length);
            if (packet > format.maxMessageBytes()) {
                throw new IOException("not sent: message of " + encoded.length + " bytes makes an MQTT packet of "
                        + packet + " bytes, more than the limit of " + format.maxMessageBytes()
                        + " bytes (maxMessageBytes)");
            }
        }
        int stored = 0;
        try {
            for (String topic : destinations) {
                publisher.submit(outbox.add(topic, encoded));
                stored++;
            }
        } catch (IOException e) {
            throw new IOException("stored for " + stored + " of " + destinations.size() + " destinations only: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable subscribe(InboundHandler handler) {
        Objects.requireNonNull(handler, "handler");
        synchronized (this) {
            handlers.add(handler);
            while (!held.isEmpty()) {
                Held message = held.poll();
                call(handler, message.message());
                message.acknowledge().run();
            }
            heldBytes = 0;
        }
        return () -> handlers.remove(handler);
    }

    /**
     * Hands an accepted inbound message to every handler and then runs {@code acknowledge}; while there is no
     * handler, holds both. One that gives way to the bound is acknowledged as it is dropped.
     */
    synchronized void deliver(Outbound message, Runnable acknowledge) {
        if (handlers.isEmpty()) {
            int size = sizeOf(message);
            while (!held.isEmpty() && (held.size() >= MAX_HELD || heldBytes + size > MAX_HELD_BYTES)) {
                Held dropped = held.poll();
                heldBytes -= dropped.bytes();
                dropped.acknowledge().run();
                LOG.log(Level.WARNING, "No handler subscribed; holding at most " + MAX_HELD + " inbound messages and "
                        + MAX_HELD_BYTES + " bytes, dropped the oldest");
            }
            held.add(new Held(message, size, acknowledge));
            heldBytes += size;
            return;
        }
        for (InboundHandler handler : handlers) {
            call(handler, message);
        }
        acknowledge.run();
    }

    /** An inbound message waiting for a handler, its encoded size, and its acknowledgement to the broker. */
    private record Held(Outbound message, int bytes, Runnable acknowledge) {
    }

    void close() {
        closed = true;
    }

    /** Inbound messages held while no handler is subscribed, and their bytes. */
    synchronized long[] held() {
        return new long[] { held.size(), heldBytes };
    }

    private int sizeOf(Outbound message) {
        try {
            return format.encode(message).length;
        } catch (IOException e) {
            return format.maxMessageBytes(); // it was decoded within the limit, so it encodes within it too
        }
    }

    /**
     * Size of the MQTT PUBLISH packet: fixed header (1 + up to 4 length bytes), topic (2 + UTF-8), packet id (2),
     * payload. Brokers limit the packet, not the payload (Moquette here: 8 MiB), so the limit applies to it.
     */
    static int packetBytes(String topic, int payloadBytes) {
        int remaining = 2 + topic.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2 + payloadBytes;
        return 1 + (remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4) + remaining;
    }

    private List<String> destinations(Outbound message) {
        if (message instanceof SealedCapsule capsule) {
            List<String> result = new ArrayList<>();
            for (PeerId recipient : capsule.recipients()) {
                result.add(topics.inbox(recipient));
            }
            return result;
        } else if (message instanceof SignedControlMessage control) {
            return List.of(control.recipient() == null ? topics.broadcast() : topics.inbox(control.recipient()));
        } else if (message instanceof SignedAuditRecord) {
            return List.of(topics.audit());
        }
        throw new IllegalArgumentException("not an outbound message: " + message);
    }

    private static void call(InboundHandler handler, Outbound message) {
        try {
            handler.received(message);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Inbound handler " + handler + " failed on a message from "
                    + message.sender().shortForm(), e);
        }
    }
}

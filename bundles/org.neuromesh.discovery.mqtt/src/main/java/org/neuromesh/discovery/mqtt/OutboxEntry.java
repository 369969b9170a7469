package org.neuromesh.discovery.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One message waiting in the {@link Outbox} for the broker's acknowledgement.
 *
 * <p>Entries are ordered by sequence, which is the order they were added in (also across restarts).
 */
public final class OutboxEntry implements Comparable<OutboxEntry> {

    private final long sequence;
    private final String topic;
    private final Path file;
    private final int payloadBytes;
    private volatile byte[] cachedPayload;

    OutboxEntry(long sequence, String topic, Path file, int payloadBytes, byte[] cachedPayload) {
        this.sequence = sequence;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.file = Objects.requireNonNull(file, "file");
        this.payloadBytes = payloadBytes;
        this.cachedPayload = cachedPayload;
    }

    public long sequence() {
        return sequence;
    }

    public String topic() {
        return topic;
    }

    public Path file() {
        return file;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    /** The payload if it is still in memory (fresh sends), else {@code null}: read it with {@link Outbox#read}. */
    byte[] cachedPayload() {
        return cachedPayload;
    }

    void dropCachedPayload() {
        cachedPayload = null;
    }

    @Override
    public int compareTo(OutboxEntry other) {
        return Long.compare(sequence, other.sequence);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxEntry entry && entry.sequence == sequence && entry.file.equals(file);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "outbox#" + sequence + "(" + topic + ", " + payloadBytes + " bytes)";
    }
}

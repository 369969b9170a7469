package org.neuromesh.api.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One stored memory.
 *
 * @param id unique id within the store
 * @param vector the embedding it is found by; its length must equal the store's dimension
 * @param tags labels that a search can require
 * @param payload the memory itself, opaque to the store (copied in and out)
 * @param storedAt when it was stored
 */
public record MemoryEntry(String id, float[] vector, Set<String> tags, byte[] payload, Instant storedAt) {

    public MemoryEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("memory entry needs an id");
        }
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("memory entry " + id + " needs a vector");
        }
        Objects.requireNonNull(storedAt, "storedAt");
        vector = vector.clone();
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}

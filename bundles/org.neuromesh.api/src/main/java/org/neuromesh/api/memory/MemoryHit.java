package org.neuromesh.api.memory;

import java.util.Objects;

/**
 * A search result.
 *
 * @param entry the memory found
 * @param score cosine similarity to the query, higher is closer
 */
public record MemoryHit(MemoryEntry entry, float score) {

    public MemoryHit {
        Objects.requireNonNull(entry, "entry");
    }
}

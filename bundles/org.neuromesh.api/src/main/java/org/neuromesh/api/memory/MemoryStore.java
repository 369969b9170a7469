package org.neuromesh.api.memory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Stores memories and finds the nearest ones to a query vector. Registered with {@value #NAME_PROPERTY} set to
 * the store's name, e.g. {@code heap} or {@code lucene}.
 *
 * <p>Providers must be thread-safe, must keep what {@link #put} accepted across a crash if they call themselves
 * persistent, and must reject vectors of the wrong dimension with an {@link IllegalArgumentException}.
 */
@ConsumerType
public interface MemoryStore {

    /** Service property naming the store. */
    String NAME_PROPERTY = "neuromesh.memory.store";

    /** Stores an entry, replacing one with the same id. */
    void put(MemoryEntry entry) throws IOException;

    /** The entry with this id, if stored. */
    Optional<MemoryEntry> get(String id) throws IOException;

    /**
     * The {@code k} entries nearest to {@code query} among those carrying every tag in {@code requiredTags},
     * nearest first.
     */
    List<MemoryHit> search(float[] query, int k, Set<String> requiredTags) throws IOException;

    /** Removes an entry; returns whether it was there. */
    boolean delete(String id) throws IOException;

    /** Number of stored entries. */
    long size() throws IOException;
}

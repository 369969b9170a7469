package org.neuromesh.crypto;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Remembers accepted messages until they could no longer be accepted anyway, so that a copy is refused.
 *
 * <p>Each entry carries the instant after which its message falls out of the receiver's time window (message time
 * plus window); entries past that instant are dropped, since the time check refuses their copies.
 *
 * <p>The memory is capped. When it is full, the entry closest to expiry is forgotten to make room for a message
 * that expires later, and from then on every message that would expire no later than a forgotten entry is refused
 * as {@link Admission#BEYOND_MEMORY} (so is a message that would itself be the first to go): under a flood the
 * effective window shrinks, but nothing forgotten can be replayed. Thread-safe.
 */
public final class ReplayGuard {

    /** What {@link #admit} decided. */
    public enum Admission {
        /** First time seen; now remembered. */
        ACCEPTED,
        /** Seen before and still remembered. */
        REPLAYED,
        /** As old as entries forgotten at the cap: cannot be told apart from a replay, so refused. */
        BEYOND_MEMORY
    }

    private record Entry(Instant expiresAt, String key) {
    }

    private final int capacity;
    private final Map<String, Instant> expiries = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::expiresAt));
    private Instant forgottenUpTo = Instant.MIN;

    /** A guard that remembers at most {@code capacity} messages. */
    public ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay memory must hold at least 1 message, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Whether {@code key} is remembered (and not expired at {@code now}); remembers nothing new. */
    public synchronized boolean remembers(String key, Instant now) {
        dropExpired(now);
        return expiries.containsKey(key);
    }

    /**
     * Remembers {@code key} until {@code expiresAt} unless it is already remembered or older than what the guard
     * had to forget.
     */
    public synchronized Admission admit(String key, Instant expiresAt, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        dropExpired(now);
        if (expiries.containsKey(key)) {
            return Admission.REPLAYED;
        }
        if (!expiresAt.isAfter(forgottenUpTo)) {
            return Admission.BEYOND_MEMORY;
        }
        if (expiries.size() >= capacity) {
            if (!expiresAt.isAfter(byExpiry.peek().expiresAt())) {
                return Admission.BEYOND_MEMORY; // it would be the first to be forgotten
            }
            Entry forgotten = byExpiry.remove();
            expiries.remove(forgotten.key());
            forgottenUpTo = forgotten.expiresAt();
        }
        expiries.put(key, expiresAt);
        byExpiry.add(new Entry(expiresAt, key));
        return Admission.ACCEPTED;
    }

    /** How many messages are remembered now. */
    public synchronized int size() {
        return expiries.size();
    }

    /** The most messages remembered at once. */
    public int capacity() {
        return capacity;
    }

    private void dropExpired(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt().isBefore(now)) {
            expiries.remove(byExpiry.remove().key());
        }
    }
}

package org.neuromesh.crypto;

import java.time.Instant;

/**
 * Where a {@link ReplayGuard} keeps what it remembers, so that a message accepted before a restart is refused after
 * it. The guard writes each change, reads everything back once when it starts, and hands over a snapshot of what it
 * remembers whenever the journal asks to be compacted. Implementations need not be thread-safe: the guard calls
 * them under its lock.
 */
public interface ReplayJournal extends AutoCloseable {

    /** Receives a journal's entries, oldest first. */
    interface Reader {
        void remembered(String sender, ReplayGuard.Digest key, Instant expiresAt);

        void forgotten(String sender, Instant upTo);
    }

    /** Everything a guard remembers now, written to a {@link Reader} (a compacted journal's writer). */
    @FunctionalInterface
    interface Snapshot {
        void writeTo(Reader writer);
    }

    /** Hands every entry kept to {@code reader}, oldest first. */
    void load(Reader reader);

    /** The guard now remembers {@code key} of {@code sender} until {@code expiresAt}. */
    void remembered(String sender, ReplayGuard.Digest key, Instant expiresAt);

    /** The guard refuses {@code sender}'s messages expiring no later than {@code upTo}. */
    void forgotten(String sender, Instant upTo);

    /** Whether the journal has grown enough beyond the {@code remembered} live entries to be rewritten. */
    boolean needsCompaction(int remembered);

    /** Replaces the journal by {@code snapshot}. */
    void compact(Snapshot snapshot);

    /** Writes out what is buffered. */
    @Override
    void close();

    /** Keeps nothing: what the guard remembers is lost with the process. */
    ReplayJournal NONE = new ReplayJournal() {
        @Override
        public void load(Reader reader) {
        }

        @Override
        public void remembered(String sender, ReplayGuard.Digest key, Instant expiresAt) {
        }

        @Override
        public void forgotten(String sender, Instant upTo) {
        }

        @Override
        public boolean needsCompaction(int remembered) {
            return false;
        }

        @Override
        public void compact(Snapshot snapshot) {
        }

        @Override
        public void close() {
        }
    };
}

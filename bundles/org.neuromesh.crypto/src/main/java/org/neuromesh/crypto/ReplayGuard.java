package org.neuromesh.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Remembers accepted messages until they could no longer be accepted anyway, so that a copy is refused, also after
 * a restart when a {@link ReplayJournal} keeps what it remembers.
 *
 * <p>Each entry carries the instant after which its message falls out of the receiver's time window (message time
 * plus window); entries past that instant are dropped, since the time check refuses their copies. A message is
 * remembered by a 128-bit digest of its key, so a long capsule id costs no more memory than a short one.
 *
 * <p>The memory is capped per sender and in all, and each sender has a lane of its own. When a sender's lane is
 * full, or the whole memory is full and that sender's lane is the largest, the entry of that lane closest to expiry
 * is forgotten to make room for a message that expires later, and from then on every message of that sender that
 * would expire no later than a forgotten entry is refused as {@link Admission#BEYOND_MEMORY} (so is a message that
 * would itself be the first to go). When the whole memory is full and another sender's lane is larger, that lane
 * gives up its entry closest to expiry. So under a flood only the flooder's effective window shrinks: a peer that
 * sends many (or far future-dated) messages cannot make the guard forget, or refuse, the messages of others.
 * Thread-safe.
 */
public final class ReplayGuard implements AutoCloseable {

    /** What {@link #admit} decided. */
    public enum Admission {
        /** First time seen; now remembered. */
        ACCEPTED,
        /** Seen before and still remembered. */
        REPLAYED,
        /** As old as entries of its sender forgotten at the cap: cannot be told apart from a replay, so refused. */
        BEYOND_MEMORY
    }

    /** A message's key, digested. */
    record Digest(long high, long low) {
    }

    private record Entry(Instant expiresAt, Digest key) {
    }

    /** One sender's remembered messages. */
    private static final class Lane {
        final String sender;
        final Map<Digest, Instant> expiries = new HashMap<>();
        final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::expiresAt));
        Instant forgottenUpTo = Instant.MIN;

        Lane(String sender) {
            this.sender = sender;
        }

        int size() {
            return expiries.size();
        }
    }

    /** Lanes by size, largest first; a lane is taken out before it changes size and put back after. */
    private static final Comparator<Lane> LARGEST_FIRST = Comparator.comparingInt(Lane::size).reversed()
            .thenComparing(lane -> lane.sender);

    private final int capacity;
    private final int perSender;
    private final ReplayJournal journal;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final TreeSet<Lane> bySize = new TreeSet<>(LARGEST_FIRST);
    private final MessageDigest sha256;
    private int size;
    private long admissionsSinceSweep;

    /** A guard in memory only that remembers at most {@code capacity} messages, {@code perSender} per sender. */
    public ReplayGuard(int capacity, int perSender) {
        this(capacity, perSender, ReplayJournal.NONE, Instant.MIN);
    }

    /**
     * A guard that keeps what it remembers in {@code journal} and starts from what the journal kept (entries
     * expired at {@code now} left out).
     */
    public ReplayGuard(int capacity, int perSender, ReplayJournal journal, Instant now) {
        if (capacity < 1 || perSender < 1 || perSender > capacity) {
            throw new IllegalArgumentException("replay memory must hold at least 1 message, and one sender's share"
                    + " no more than the whole; got " + capacity + " in all and " + perSender + " per sender");
        }
        this.capacity = capacity;
        this.perSender = perSender;
        this.journal = Objects.requireNonNull(journal, "journal");
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        journal.load(new ReplayJournal.Reader() {
            @Override
            public void remembered(String sender, Digest key, Instant expiresAt) {
                if (!expiresAt.isBefore(now)) {
                    admitDigest(sender, key, expiresAt, false);
                }
            }

            @Override
            public void forgotten(String sender, Instant upTo) {
                if (!upTo.isBefore(now)) {
                    Lane lane = lane(sender);
                    lane.forgottenUpTo = max(lane.forgottenUpTo, upTo);
                    dropIfEmpty(lane);
                }
            }
        });
        sweep(now);
        journal.compact(snapshot());
    }

    /** Whether {@code sender}'s message {@code key} is remembered (and not expired at {@code now}). */
    public synchronized boolean remembers(String sender, String key, Instant now) {
        Lane lane = lanes.get(sender);
        if (lane == null) {
            return false;
        }
        Instant expiresAt = lane.expiries.get(digest(key));
        return expiresAt != null && !expiresAt.isBefore(now);
    }

    /**
     * Remembers {@code sender}'s message {@code key} until {@code expiresAt} unless it is already remembered or
     * older than what the guard had to forget of that sender.
     */
    public synchronized Admission admit(String sender, String key, Instant expiresAt, Instant now) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (++admissionsSinceSweep >= 1024) {
            sweep(now);
        }
        Lane lane = lanes.get(sender);
        if (lane != null) {
            dropExpired(lane, now);
        }
        Admission admission = admitDigest(sender, digest(key), expiresAt, true);
        if (journal.needsCompaction(size)) {
            journal.compact(snapshot());
        }
        return admission;
    }

    /** How many messages are remembered now. */
    public synchronized int size() {
        return size;
    }

    /** The most messages remembered at once. */
    public int capacity() {
        return capacity;
    }

    /** The most messages of one sender remembered at once. */
    public int perSender() {
        return perSender;
    }

    /** Writes what the journal has not written yet and closes it. */
    @Override
    public synchronized void close() {
        journal.close();
    }

    private Admission admitDigest(String sender, Digest key, Instant expiresAt, boolean write) {
        Lane lane = lane(sender);
        try {
            if (lane.expiries.containsKey(key)) {
                return Admission.REPLAYED;
            }
            if (!expiresAt.isAfter(lane.forgottenUpTo)) {
                return Admission.BEYOND_MEMORY;
            }
            boolean laneFull = lane.size() >= perSender;
            boolean wholeFull = size >= capacity;
            if (laneFull || (wholeFull && bySize.first().size() <= lane.size())) {
                // this sender pays for its own message
                if (!expiresAt.isAfter(lane.byExpiry.peek().expiresAt())) {
                    return Admission.BEYOND_MEMORY; // it would be the first to be forgotten
                }
                forgetEarliest(lane, write);
            } else if (wholeFull) {
                Lane largest = bySize.first();
                forgetEarliest(largest, write);
                dropIfEmpty(largest);
            }
            bySize.remove(lane);
            lane.expiries.put(key, expiresAt);
            lane.byExpiry.add(new Entry(expiresAt, key));
            bySize.add(lane);
            size++;
            if (write) {
                journal.remembered(sender, key, expiresAt);
            }
            return Admission.ACCEPTED;
        } finally {
            dropIfEmpty(lane);
        }
    }

    private void forgetEarliest(Lane lane, boolean write) {
        bySize.remove(lane);
        Entry forgotten = lane.byExpiry.remove();
        lane.expiries.remove(forgotten.key());
        lane.forgottenUpTo = max(lane.forgottenUpTo, forgotten.expiresAt());
        bySize.add(lane);
        size--;
        if (write) {
            journal.forgotten(lane.sender, lane.forgottenUpTo);
        }
    }

    private Lane lane(String sender) {
        Lane lane = lanes.get(sender);
        if (lane == null) {
            lane = new Lane(sender);
            lanes.put(sender, lane);
            bySize.add(lane);
        }
        return lane;
    }

    private void dropExpired(Lane lane, Instant now) {
        if (!lane.byExpiry.isEmpty() && lane.byExpiry.peek().expiresAt().isBefore(now)) {
            bySize.remove(lane);
            while (!lane.byExpiry.isEmpty() && lane.byExpiry.peek().expiresAt().isBefore(now)) {
                lane.expiries.remove(lane.byExpiry.remove().key());
                size--;
            }
            bySize.add(lane);
        }
        if (lane.forgottenUpTo.isBefore(now)) {
            lane.forgottenUpTo = Instant.MIN; // the time check refuses what it covered
        }
        dropIfEmpty(lane);
    }

    /** Drops what expired in every lane; lanes are visited now and then rather than on every admission. */
    private void sweep(Instant now) {
        admissionsSinceSweep = 0;
        for (Lane lane : lanes.values().toArray(Lane[]::new)) {
            dropExpired(lane, now);
        }
    }

    private void dropIfEmpty(Lane lane) {
        if (lane.size() == 0 && lane.forgottenUpTo.equals(Instant.MIN)) {
            lanes.remove(lane.sender);
            bySize.remove(lane);
        }
    }

    private Digest digest(String key) {
        byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (hash[i] & 0xff);
            low = low << 8 | (hash[8 + i] & 0xff);
        }
        return new Digest(high, low);
    }

    /** What is remembered now, for a compacted journal. */
    private ReplayJournal.Snapshot snapshot() {
        return writer -> {
            for (Lane lane : lanes.values()) {
                if (!lane.forgottenUpTo.equals(Instant.MIN)) {
                    writer.forgotten(lane.sender, lane.forgottenUpTo);
                }
                for (Iterator<Map.Entry<Digest, Instant>> it = lane.expiries.entrySet().iterator(); it.hasNext();) {
                    Map.Entry<Digest, Instant> entry = it.next();
                    writer.remembered(lane.sender, entry.getKey(), entry.getValue());
                }
            }
        };
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

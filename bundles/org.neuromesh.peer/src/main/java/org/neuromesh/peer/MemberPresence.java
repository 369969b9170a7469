package org.neuromesh.peer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.neuromesh.api.peer.PeerId;

/**
 * Which members a round waits for: those discovery knows, and for a grace period those it reports gone. Without
 * the grace, a broker restart (every connection drops, discovery sees everyone leave and come back seconds later)
 * would let a round close with whoever reconnected first, and the rest of the session run without the others.
 */
public final class MemberPresence {

    private final Predicate<PeerId> known;
    private final Duration grace;
    private final LongSupplier nanoTime;
    private final Map<PeerId, Long> missingSince = new ConcurrentHashMap<>();

    /**
     * @param known whether discovery knows a peer now
     * @param grace how long a round still waits for a member discovery no longer knows; zero: not at all
     */
    public MemberPresence(Predicate<PeerId> known, Duration grace) {
        this(known, grace, System::nanoTime);
    }

    MemberPresence(Predicate<PeerId> known, Duration grace, LongSupplier nanoTime) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace for members that left cannot be negative: " + grace);
        }
        this.known = known;
        this.grace = grace;
        this.nanoTime = nanoTime;
    }

    /** Every peer is always there (a transport without discovery). */
    public static MemberPresence everyone() {
        return new MemberPresence(peer -> true, Duration.ZERO);
    }

    /** Whether a round should still wait for {@code member}: it is known, or was missed less than the grace ago. */
    boolean awaited(PeerId member) {
        if (known.test(member)) {
            missingSince.remove(member);
            return true;
        }
        long now = nanoTime.getAsLong();
        return now - missingSince.computeIfAbsent(member, missing -> now) < grace.toNanos();
    }

    /** Whether discovery does not know {@code member} now (it may still be in its grace). */
    boolean missing(PeerId member) {
        return !known.test(member);
    }

    Duration grace() {
        return grace;
    }
}

package org.neuromesh.api.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Refused inbound messages counted by {@link RejectionReason}. Thread-safe. */
public final class RejectionCounts {

    private final AtomicLongArray counts = new AtomicLongArray(RejectionReason.values().length);

    /** Counts one refusal. */
    public void count(RejectionReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    /** How many were refused for {@code reason}. */
    public long get(RejectionReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The non-zero counts at this moment. */
    public Map<RejectionReason, Long> snapshot() {
        Map<RejectionReason, Long> snapshot = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            long count = get(reason);
            if (count > 0) {
                snapshot.put(reason, count);
            }
        }
        return snapshot;
    }

    /** The sum over all reasons. */
    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** E.g. {@code refused: MALFORMED=3 STALE=1}, or {@code refused: none}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("refused:");
        snapshot().forEach((reason, count) -> text.append(' ').append(reason).append('=').append(count));
        return text.length() == 8 ? "refused: none" : text.toString();
    }
}

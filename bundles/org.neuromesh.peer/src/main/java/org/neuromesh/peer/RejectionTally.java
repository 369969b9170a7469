package org.neuromesh.peer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.neuromesh.api.security.RejectionReason;

/** Inbound messages refused after verification, counted by reason. Thread-safe. */
public final class RejectionTally {

    private final AtomicLongArray counts = new AtomicLongArray(RejectionReason.values().length);

    void count(RejectionReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    public long get(RejectionReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The non-zero counts. */
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
}

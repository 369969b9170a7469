package org.neuromesh.discovery.mqtt;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts dropped inbound messages by reason. Thread-safe. */
public final class RejectionCounters {

    private final Map<InboundRejection, LongAdder> counters = new EnumMap<>(InboundRejection.class);

    public RejectionCounters() {
        for (InboundRejection reason : InboundRejection.values()) {
            counters.put(reason, new LongAdder());
        }
    }

    void record(InboundRejection reason) {
        counters.get(reason).increment();
    }

    /** How many were dropped for one reason. */
    public long get(InboundRejection reason) {
        return counters.get(reason).sum();
    }

    /** All counters at this moment, every reason present (zero if none). */
    public Map<InboundRejection, Long> snapshot() {
        Map<InboundRejection, Long> copy = new EnumMap<>(InboundRejection.class);
        counters.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return Collections.unmodifiableMap(copy);
    }

    /** Sum over all reasons. */
    public long total() {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("rejected:");
        snapshot().forEach((reason, count) -> {
            if (count > 0) {
                text.append(' ').append(reason).append('=').append(count);
            }
        });
        return text.length() == 9 ? "rejected: none" : text.toString();
    }
}

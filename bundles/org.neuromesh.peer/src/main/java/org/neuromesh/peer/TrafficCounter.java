package org.neuromesh.peer;

import java.util.concurrent.atomic.AtomicLong;

/** Capsules and their sealed bytes, counted as they pass one way. Thread-safe. */
final class TrafficCounter {

    private final AtomicLong capsules = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void count(long sealedBytes) {
        capsules.incrementAndGet();
        bytes.addAndGet(sealedBytes);
    }

    long capsules() {
        return capsules.get();
    }

    long bytes() {
        return bytes.get();
    }
}

package org.neuromesh.discovery.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs at most one line per key and interval, and tells in the next line how many were left out, so that a peer
 * flooding garbage cannot flood the log.
 */
final class RateLimitedLog {

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<Object, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger logger, long intervalNanos, LongSupplier clock) {
        this.logger = logger;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** @return true if the line was written, false if it was left out */
    boolean log(Level level, Object key, String message) {
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long now = clock.getAsLong();
        long suppressed;
        synchronized (window) {
            if (window.started != Long.MIN_VALUE && now - window.started < intervalNanos) {
                window.suppressed.incrementAndGet();
                return false;
            }
            window.started = now;
            suppressed = window.suppressed.getAndSet(0);
        }
        logger.log(level, suppressed == 0 ? message : message + " (" + suppressed + " similar left out)");
        return true;
    }

    private static final class Window {
        long started = Long.MIN_VALUE;
        final AtomicLong suppressed = new AtomicLong();
    }
}

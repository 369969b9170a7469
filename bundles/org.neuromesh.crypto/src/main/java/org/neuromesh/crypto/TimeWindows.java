package org.neuromesh.crypto;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a message's time may lie from the receiver's clock.
 *
 * @param control control messages: {@code |now - sentAt| <= control}; also how far in the future capsules and
 *        audit records may be dated (clock skew)
 * @param capsule capsules and audit records, which may wait in an outbox across a restart: sealed (or recorded)
 *        no longer than this ago
 */
public record TimeWindows(Duration control, Duration capsule) {

    /** Default control window: 120 s. */
    public static final Duration DEFAULT_CONTROL = Duration.ofSeconds(120);
    /** Default capsule window: 1 day. */
    public static final Duration DEFAULT_CAPSULE = Duration.ofDays(1);

    public TimeWindows {
        requirePositive(control, "control window");
        requirePositive(capsule, "capsule window");
    }

    /** 120 s for control messages, 1 day for capsules and audit records. */
    public static TimeWindows defaults() {
        return new TimeWindows(DEFAULT_CONTROL, DEFAULT_CAPSULE);
    }

    private static void requirePositive(Duration window, String what) {
        Objects.requireNonNull(window, what);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + window.toSeconds() + " s");
        }
    }
}

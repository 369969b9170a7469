package org.neuromesh.crypto;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a message's time may lie from the receiver's clock.
 *
 * @param control control messages: sent no longer than this ago
 * @param capsule capsules and audit records, which may wait in an outbox across a restart: sealed (or recorded)
 *        no longer than this ago
 * @param future  how far in the future any message may be dated (the clocks' skew); kept short, since a
 *        future-dated message is remembered for longer against replays
 */
public record TimeWindows(Duration control, Duration capsule, Duration future) {

    /** Default control window: 120 s. */
    public static final Duration DEFAULT_CONTROL = Duration.ofSeconds(120);
    /** Default capsule window: 1 day. */
    public static final Duration DEFAULT_CAPSULE = Duration.ofDays(1);
    /** Default clock skew: 30 s. */
    public static final Duration DEFAULT_FUTURE = Duration.ofSeconds(30);

    public TimeWindows {
        requirePositive(control, "control window");
        requirePositive(capsule, "capsule window");
        requirePositive(future, "future window");
    }

    /** 120 s for control messages, 1 day for capsules and audit records, 30 s into the future. */
    public static TimeWindows defaults() {
        return new TimeWindows(DEFAULT_CONTROL, DEFAULT_CAPSULE, DEFAULT_FUTURE);
    }

    private static void requirePositive(Duration window, String what) {
        Objects.requireNonNull(window, what);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + window.toSeconds() + " s");
        }
    }
}

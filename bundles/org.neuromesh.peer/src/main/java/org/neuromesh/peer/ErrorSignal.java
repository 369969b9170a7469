package org.neuromesh.peer;

import java.time.Instant;
import java.util.Objects;

import org.neuromesh.api.peer.PeerId;

/**
 * An error signal another peer broadcast: how wrong it is on a topic, and how much that matters now.
 *
 * @param sender the peer that sent it (verified)
 * @param value the error, any finite number (its meaning is the topic's: a loss, a drift, a rate of mistakes)
 * @param urgency 0 (for information) to 1 (act now)
 * @param topic what the error is about, e.g. {@code mnist/digits-5-9}
 * @param receivedAt when this peer received it
 */
public record ErrorSignal(PeerId sender, double value, double urgency, String topic,
        Instant receivedAt) {

    /** Longest topic, in characters. */
    public static final int MAX_TOPIC = 200;

    public ErrorSignal {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "receivedAt");
        check(value, urgency, topic);
    }

    static void check(double value, double urgency, String topic) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("error signal value must be finite, got " + value);
        }
        if (!(urgency >= 0 && urgency <= 1)) {
            throw new IllegalArgumentException("error signal urgency must be within 0..1, got " + urgency);
        }
        if (topic == null || topic.isBlank() || topic.length() > MAX_TOPIC) {
            throw new IllegalArgumentException("error signal topic must have 1 to " + MAX_TOPIC + " characters, got '"
                    + topic + "'");
        }
    }
}

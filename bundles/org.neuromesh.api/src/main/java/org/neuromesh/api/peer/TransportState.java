package org.neuromesh.api.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A transport's connection as the user sees it: whether it is connected, to what, since when, and what went wrong
 * last.
 *
 * @param connected     whether messages can go out and come in now
 * @param endpoint      where it connects, e.g. {@code ssl://broker.example.org:8883}; empty if it has none
 * @param since         when it last connected or lost its connection
 * @param problem       the last error, empty if none
 * @param silenceLimit  how long discovery waits for a silent peer before it takes it as gone (zero if unknown)
 */
public record TransportState(boolean connected, String endpoint, Instant since, String problem,
        Duration silenceLimit) {

    public TransportState {
        endpoint = endpoint == null ? "" : endpoint;
        Objects.requireNonNull(since, "since");
        problem = problem == null ? "" : problem;
        silenceLimit = silenceLimit == null || silenceLimit.isNegative() ? Duration.ZERO : silenceLimit;
    }

    /** The state of a transport that does not tell it: connected, to nothing in particular. */
    public static TransportState unknown() {
        return new TransportState(true, "", Instant.EPOCH, "", Duration.ZERO);
    }
}

package org.neuromesh.api.federation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a collaborative session trains, agreed by every member when it joins.
 *
 * @param sessionId unique id, chosen by the proposer
 * @param dataset the task, e.g. {@code mnist}; members train on their own data of this kind
 * @param rule the learning rule name, e.g. {@code eligibility}
 * @param hidden hidden layer widths
 * @param rounds number of rounds
 * @param localSteps training batches each member runs per round
 * @param batchSize samples per batch
 * @param seed seed of the common start model
 * @param quorum fraction of members (0..1] whose contributions close a round before its deadline
 * @param roundDeadline time after which a round closes with whoever contributed
 */
public record SessionPlan(String sessionId, String dataset, String rule, List<Integer> hidden, int rounds,
        int localSteps, int batchSize, long seed, double quorum, Duration roundDeadline) {

    public SessionPlan {
        if (sessionId == null || !sessionId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("session id '" + sessionId
                    + "' must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        requireName(dataset, "data set");
        requireName(rule, "rule");
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        if (hidden.isEmpty() || hidden.stream().anyMatch(w -> w < 1 || w > 65_536)) {
            throw new IllegalArgumentException("hidden widths must be 1..65536, got " + hidden);
        }
        if (rounds < 1 || rounds > 100_000) {
            throw new IllegalArgumentException("rounds must be 1..100000, got " + rounds);
        }
        if (localSteps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("local steps and batch size must be >= 1, got " + localSteps + " and "
                    + batchSize);
        }
        if (!(quorum > 0 && quorum <= 1)) {
            throw new IllegalArgumentException("quorum must be in (0, 1], got " + quorum);
        }
        Objects.requireNonNull(roundDeadline, "roundDeadline");
        if (roundDeadline.isNegative() || roundDeadline.isZero()) {
            throw new IllegalArgumentException("round deadline must be positive, got " + roundDeadline);
        }
    }

    private static void requireName(String value, String what) {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException(what + " '" + value + "' must be a lower-case name");
        }
    }
}

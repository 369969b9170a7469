package org.neuromesh.api.network;

import java.util.List;
import java.util.Objects;

import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;

/**
 * Where a collaborative session stands, as this peer sees it (the aggregator sees every round).
 *
 * @param plan        the session's plan
 * @param aggregator  the peer that merges the rounds
 * @param aggregating whether that is this peer
 * @param state       joining, running, done or failed
 * @param members     members known now (the aggregator knows all)
 * @param rounds      the closed rounds, oldest first
 * @param accuracy    accuracy of the latest global model on this peer's test data (NaN before the first)
 * @param failure     why it failed, or empty
 * @since 1.1
 */
public record SessionProgress(SessionPlan plan, PeerId aggregator, boolean aggregating, State state, int members,
        List<Round> rounds, double accuracy, String failure) {

    public enum State {
        JOINING, RUNNING, DONE, FAILED
    }

    public SessionProgress {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(state, "state");
        rounds = List.copyOf(rounds);
        failure = failure == null ? "" : failure;
    }

    /** The session's id. */
    public String sessionId() {
        return plan.sessionId();
    }

    /**
     * One closed round.
     *
     * @param round       its number, 1-based
     * @param contributed members whose contribution was merged
     * @param refused     members whose contribution was refused (e.g. it claimed more training than the plan)
     * @param members     members of the session at the time
     * @param accuracy    the merged model's accuracy on the aggregator's test data
     * @param seconds     from sending the previous global state to merging this round
     */
    public record Round(int round, List<PeerId> contributed, List<PeerId> refused, int members, double accuracy,
            double seconds) {

        public Round {
            contributed = List.copyOf(contributed);
            refused = List.copyOf(refused);
        }
    }
}

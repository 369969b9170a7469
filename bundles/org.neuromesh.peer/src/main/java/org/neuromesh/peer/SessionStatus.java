package org.neuromesh.peer;

import java.util.List;

import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;

/**
 * Where a collaborative session stands, as one peer sees it.
 *
 * @param plan the session's plan
 * @param aggregator the peer that merges
 * @param aggregating whether this peer is the aggregator
 * @param state joining, running, done or failed
 * @param round the last round this peer holds the global state of (0: the start)
 * @param members members known to this peer (the aggregator knows all)
 * @param rounds the closed rounds (known to the aggregator)
 * @param bytesSent sealed bytes this peer sent for the session
 * @param bytesReceived sealed bytes this peer received for the session
 * @param accuracy accuracy of the latest global model on this peer's test data (NaN before the first evaluation)
 * @param failure why the session failed, or empty
 * @param reports the members' end-of-session reports (known to the aggregator)
 */
public record SessionStatus(SessionPlan plan, PeerId aggregator, boolean aggregating, State state, int round,
        int members, List<RoundSummary> rounds, long bytesSent, long bytesReceived, double accuracy,
        String failure, List<MemberReport> reports) {

    public enum State {
        JOINING, RUNNING, DONE, FAILED
    }

    public SessionStatus {
        rounds = List.copyOf(rounds);
        reports = List.copyOf(reports);
    }

    /**
     * One closed round, as the aggregator saw it.
     *
     * @param round its number, 1-based
     * @param contributors members whose contribution was merged
     * @param members members of the session at the time
     * @param seconds from sending the previous global state to merging this round
     * @param accuracy of the merged model on the aggregator's test data
     * @param bytesIn sealed contribution bytes received
     * @param bytesOut sealed global-state bytes sent after the merge
     * @param contributed the members whose contribution was merged ({@code contributors} of them)
     * @param refused the members whose contribution to the round was refused
     */
    public record RoundSummary(int round, int contributors, int members, double seconds, double accuracy,
            long bytesIn, long bytesOut, List<PeerId> contributed, List<PeerId> refused) {

        public RoundSummary {
            contributed = List.copyOf(contributed);
            refused = List.copyOf(refused);
        }
    }
}

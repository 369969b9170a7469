package org.neuromesh.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.peer.PeerId;

/**
 * The Session view: the current or last session, a line on where it stands and one row per closed round (members
 * that contributed, members refused, the global accuracy after the merge). Peers are named by their display names
 * where known, this peer as "this peer", others by their short id.
 */
public final class SessionViewModel {

    /** Column headers, in order. */
    public static final List<String> COLUMNS = List.of("Round", "Contributed", "Refused", "Members",
            "Global accuracy", "Seconds");
    /** What the view says before any session. */
    public static final String NO_SESSION = "No session yet: start one from the Peers view (Start session...).";

    /**
     * One row.
     *
     * @param cells the texts of {@link #COLUMNS}, in order
     */
    public record Row(List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private SessionViewModel() {
    }

    /** E.g. {@code Session s-1: running, round 1 of 3, 2 members; aggregated by this peer}. */
    public static String summary(SessionProgress progress) {
        int done = progress.rounds().size();
        String state = switch (progress.state()) {
            case JOINING -> "waiting for members";
            case RUNNING -> "running";
            case DONE -> "done";
            case FAILED -> "failed: " + progress.failure();
        };
        return String.format(Locale.ROOT, "Session %s: %s, %d of %d rounds, %d members; %s", progress.sessionId(),
                state, done, progress.plan().rounds(), progress.members(), progress.aggregating()
                        ? "aggregated by this peer" : "aggregated by " + progress.aggregator().shortForm());
    }

    /** E.g. {@code 2 rounds of 4 batches of 64, eligibility, hidden [32], mnist; global accuracy 81.20%}. */
    public static String details(SessionProgress progress) {
        var plan = progress.plan();
        String accuracy = Double.isNaN(progress.accuracy()) ? "no global accuracy yet"
                : String.format(Locale.ROOT, "global accuracy %.2f%%", 100 * progress.accuracy());
        return String.format(Locale.ROOT, "%d rounds of %d batches of %d, %s, hidden %s, %s; %s", plan.rounds(),
                plan.localSteps(), plan.batchSize(), plan.rule(), plan.hidden(), plan.dataset(), accuracy);
    }

    /**
     * The session a view opened now shows: one this peer aggregates and that is still open, else any open one, else
     * the one with the most closed rounds; empty if there is none.
     */
    public static java.util.Optional<SessionProgress> latest(List<SessionProgress> sessions) {
        return sessions.stream().max(java.util.Comparator.comparing((SessionProgress p) -> open(p) && p.aggregating())
                .thenComparing(SessionViewModel::open).thenComparing(p -> p.rounds().size()));
    }

    private static boolean open(SessionProgress progress) {
        return progress.state() == SessionProgress.State.JOINING || progress.state() == SessionProgress.State.RUNNING;
    }

    /** One row per closed round, oldest first. */
    public static List<Row> rows(SessionProgress progress, PeerId self, Map<PeerId, String> names) {
        return progress.rounds().stream().map(round -> new Row(List.of(Integer.toString(round.round()),
                named(round.contributed(), self, names), named(round.refused(), self, names),
                Integer.toString(round.members()), String.format(Locale.ROOT, "%.2f%%", 100 * round.accuracy()),
                String.format(Locale.ROOT, "%.1f", round.seconds())))).toList();
    }

    private static String named(List<PeerId> peers, PeerId self, Map<PeerId, String> names) {
        if (peers.isEmpty()) {
            return "-";
        }
        return peers.stream().map(peer -> peer.equals(self) ? "this peer"
                : names.getOrDefault(peer, peer.shortForm())).sorted().collect(Collectors.joining(", "));
    }
}

package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.peer.SessionStatus.RoundSummary;
import org.neuromesh.peer.SessionStatus.State;

/**
 * The aggregator's side of one session: collects joins, starts the rounds, gathers sealed contributions, closes a
 * round when every member contributed, or at its deadline with a quorum (after one extension, with whoever
 * contributed), merges, and sends the merged state with the global modulatory signal back. A member that joins
 * late or comes back gets the current global state at once. A round waits for a member that discovery saw leave
 * only for the grace of {@link MemberPresence}; such members stay members and are counted again once they
 * contribute. A contribution that claims more training than the plan allows is refused ({@code BEYOND_PLAN}), and
 * the round does not wait for that member any more.
 */
final class Aggregation {

    private static final System.Logger LOG = System.getLogger(Aggregation.class.getName());
    static final String GLOBAL_STATE = "global-state";

    private final SessionPlan plan;
    private final int expectedMembers;
    private final FederatedModel model;
    private final CapsuleSender sender;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final SessionListener listener;
    private final MemberPresence presence;
    private final RejectionCounts refusals;
    private final Set<PeerId> members = new LinkedHashSet<>();
    private final Map<PeerId, LocalContribution> current = new LinkedHashMap<>();
    /** Members whose contribution to this round was refused: the round does not wait for them. */
    private final Set<PeerId> refusedThisRound = new HashSet<>();
    private final List<RoundSummary> history = new ArrayList<>();
    private final Map<PeerId, MemberReport> reports = new LinkedHashMap<>();
    private State state = State.JOINING;
    private GlobalState global;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> graceCheck;
    private boolean extended;
    private boolean merging;
    private long roundStarted;
    private long bytesSent;
    private long bytesReceived;
    private long roundBytesIn;
    private double accuracy = Double.NaN;
    private String failure = "";

    Aggregation(SessionPlan plan, int expectedMembers, FederatedModel model, CapsuleSender sender,
            ScheduledExecutorService timers, ExecutorService work, SessionListener listener,
            MemberPresence presence, RejectionCounts refusals) {
        this.presence = presence;
        this.refusals = refusals;
        this.plan = plan;
        this.expectedMembers = expectedMembers;
        this.model = model;
        this.sender = sender;
        this.timers = timers;
        this.work = work;
        this.listener = listener;
    }

    synchronized void joined(PeerId member) throws IOException {
        boolean added = members.add(member);
        // while joining, members repeat their join until the session starts: only a new one is news
        LOG.log(added || state != State.JOINING ? Level.INFO : Level.DEBUG, "session {0}: {1} {2} ({3} members)",
                plan.sessionId(), member.shortForm(), added ? "joined" : "rejoined", members.size());
        if (state == State.JOINING && members.size() >= expectedMembers) {
            begin();
        } else if (state == State.RUNNING && !merging) {
            bytesSent += sender.send(GLOBAL_STATE, tags(global.round()), SessionCodec.globalState(plan.sessionId(),
                    global), List.of(member));
        }
    }

    synchronized void contributed(PeerId member, LocalContribution contribution, long sealedBytes) {
        if (state != State.RUNNING || merging) {
            return;
        }
        if (!members.contains(member) || contribution.round() != global.round() + 1) {
            LOG.log(Level.DEBUG, "session {0}: ignored a contribution of {1} to round {2} (now in round {3})",
                    plan.sessionId(), member.shortForm(), contribution.round(), global.round() + 1);
            return;
        }
        long allowed = (long) plan.localSteps() * plan.batchSize();
        if (contribution.samples() > allowed) {
            // its weight in the average would be its claim: a member must not buy a bigger say by claiming more
            refusals.count(RejectionReason.BEYOND_PLAN);
            LOG.log(Level.WARNING, "session {0}: refused the contribution of {1} to round {2}: it claims {3} samples,"
                    + " the plan allows {4} ({5} local steps x batch {6})", plan.sessionId(), member.shortForm(),
                    String.valueOf(contribution.round()), String.valueOf(contribution.samples()),
                    String.valueOf(allowed), String.valueOf(plan.localSteps()), String.valueOf(plan.batchSize()));
            refusedThisRound.add(member);
            if (everyAwaitedMemberContributed()) {
                closeRound(); // a hostile member must not hold every round to its deadline
            }
            return;
        }
        current.put(member, contribution);
        bytesReceived += sealedBytes;
        roundBytesIn += sealedBytes;
        if (everyAwaitedMemberContributed()) {
            closeRound();
        }
    }

    /**
     * A member left: if the round only waits for it, it closes when the grace has passed without the member coming
     * back, instead of at its deadline.
     */
    synchronized void memberLeft(PeerId member) {
        if (state != State.RUNNING || merging || !members.contains(member) || current.containsKey(member)) {
            return;
        }
        LOG.log(Level.INFO, "session {0}: {1} left; round {2} waits {3} s for it to come back", plan.sessionId(),
                member.shortForm(), String.valueOf(global.round() + 1), String.valueOf(presence.grace().toSeconds()));
        presence.awaited(member); // starts its grace now, not at the next contribution
        checkAfterGrace();
    }

    private boolean everyAwaitedMemberContributed() {
        if (current.isEmpty()) {
            return false;
        }
        for (PeerId member : members) {
            if (current.containsKey(member) || refusedThisRound.contains(member)) {
                continue;
            }
            if (member.equals(sender.self())) {
                return false;
            }
            if (presence.awaited(member)) {
                if (presence.missing(member)) {
                    checkAfterGrace();
                }
                return false;
            }
        }
        return true;
    }

    /** Looks again once a member that left has had its grace: the round may then close without it. */
    private void checkAfterGrace() {
        if (graceCheck != null && !graceCheck.isDone()) {
            return;
        }
        graceCheck = timers.schedule(this::graceEnded, presence.grace().toMillis() + 1, TimeUnit.MILLISECONDS);
    }

    private synchronized void graceEnded() {
        graceCheck = null; // a member whose grace runs on needs a check of its own
        if (state != State.RUNNING || merging) {
            return;
        }
        if (everyAwaitedMemberContributed()) {
            LOG.log(Level.WARNING, "session {0}: round {1} closes with {2} of {3} contributions: the others left and"
                    + " did not come back within {4} s", plan.sessionId(), String.valueOf(global.round() + 1),
                    String.valueOf(current.size()), String.valueOf(members.size()),
                    String.valueOf(presence.grace().toSeconds()));
            closeRound();
        }
    }

    void reported(MemberReport report) {
        synchronized (this) {
            if (!members.contains(report.member())) {
                return;
            }
            reports.put(report.member(), report);
        }
        listener.progressed(status());
    }

    synchronized SessionStatus status() {
        return new SessionStatus(plan, sender.self(), true, state, global == null ? 0 : global.round(),
                members.size(), history, bytesSent, bytesReceived, accuracy, failure, List.copyOf(reports.values()));
    }

    private void begin() throws IOException {
        state = State.RUNNING;
        global = model.start(plan);
        LOG.log(Level.INFO, "session {0}: starting {1} rounds with {2} members", plan.sessionId(), plan.rounds(),
                members.size());
        sendGlobal();
    }

    private void sendGlobal() throws IOException {
        roundStarted = System.nanoTime();
        roundBytesIn = 0;
        bytesSent += sender.send(GLOBAL_STATE, tags(global.round()),
                SessionCodec.globalState(plan.sessionId(), global), List.copyOf(members));
        if (global.round() < plan.rounds()) {
            armDeadline();
        }
    }

    private void armDeadline() {
        deadline = timers.schedule(this::deadlinePassed, plan.roundDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void deadlinePassed() {
        if (state != State.RUNNING || merging) {
            return;
        }
        int needed = (int) Math.ceil(plan.quorum() * members.size());
        if (current.size() >= needed && !current.isEmpty()) {
            closeRound();
        } else if (!extended) {
            extended = true;
            LOG.log(Level.WARNING, "session {0}: round {1} has {2} of {3} contributions at its deadline; waiting once"
                    + " more", plan.sessionId(), global.round() + 1, current.size(), members.size());
            armDeadline();
        } else if (!current.isEmpty()) {
            closeRound();
        } else {
            fail("no member contributed to round " + (global.round() + 1) + " within two deadlines");
        }
    }

    private void closeRound() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        merging = true;
        extended = false;
        List<LocalContribution> contributions = new ArrayList<>(current.values());
        int memberCount = members.size();
        GlobalState previous = global;
        // who took part, for status views: taken now, before the merge clears the round
        List<PeerId> contributed = List.copyOf(current.keySet());
        List<PeerId> refused = List.copyOf(refusedThisRound);
        work.execute(() -> merge(previous, contributions, memberCount, contributed, refused));
    }

    private void merge(GlobalState previous, List<LocalContribution> contributions, int memberCount,
            List<PeerId> contributed, List<PeerId> refused) {
        try {
            GlobalState merged = model.merge(plan, previous, contributions, memberCount);
            Evaluation evaluation = model.evaluate(plan, merged.model());
            synchronized (this) {
                global = merged;
                accuracy = evaluation.accuracy();
                current.clear();
                refusedThisRound.clear();
                merging = false;
                double seconds = (System.nanoTime() - roundStarted) / 1e9;
                long received = roundBytesIn; // sendGlobal starts the next round's count
                long before = bytesSent;
                sendGlobal();
                history.add(new RoundSummary(merged.round(), contributions.size(), memberCount, seconds, accuracy,
                        received, bytesSent - before, contributed, refused));
                if (merged.round() >= plan.rounds()) {
                    state = State.DONE;
                    sender.control(Sessions.SESSION_END, null, SessionCodec.join(
                            new SessionCodec.Join(plan.sessionId(), merged.round())));
                }
            }
            listener.progressed(status());
            if (status().state() == State.DONE) {
                model.sessionEnded(plan.sessionId());
                listener.ended(status());
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                fail("merging round " + (previous.round() + 1) + " failed: " + e.getMessage());
            }
        }
    }

    private void fail(String reason) {
        state = State.FAILED;
        failure = reason;
        merging = false;
        LOG.log(Level.ERROR, "session {0} failed: {1}", plan.sessionId(), reason);
        listener.ended(status());
    }

    private Set<String> tags(int round) {
        return Set.of("session:" + plan.sessionId(), "round:" + round);
    }
}

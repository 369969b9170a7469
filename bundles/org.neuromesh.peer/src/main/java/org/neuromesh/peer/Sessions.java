package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectionCounts;

/**
 * Collaborative sessions on this peer: the ones it aggregates and the ones it is a member of.
 *
 * <p>Messages: {@code session.propose} (broadcast: plan, aggregator, expected members), {@code session.join}
 * (to the aggregator: session, last round held; also sent again by a member that comes back), {@code session.end}
 * (broadcast), {@code session.report} (member to aggregator at the end: accuracy alone and together, bytes), and
 * sealed capsules of kind {@code global-state} (aggregator to members) and
 * {@code round-contribution} (member to aggregator).
 *
 * <p>The aggregator repeats its proposal while the session is open (joining or running), so that a member that
 * crashed or restarted finds the session again and rejoins; a member sends a join when it first sees a proposal,
 * and again only while it holds no global state. A round closes as soon as every member that is still reachable
 * contributed: a member that discovery reports gone is waited for only during a grace (a broker restart drops
 * everyone for seconds), then no longer; it is sent the current state when it comes back.
 */
public final class Sessions {

    static final String SESSION_PROPOSE = "session.propose";
    static final String SESSION_JOIN = "session.join";
    static final String SESSION_END = "session.end";
    static final String SESSION_REPORT = "session.report";
    private static final long PROPOSAL_REPEAT_SECONDS = 3;
    /**
     * Sessions this peer takes part in at once: anyone with a key can propose sessions, and each one joined costs
     * training time; proposals beyond it are ignored until one ends.
     */
    static final int MAX_ACTIVE_PARTICIPATIONS = 8;
    /** Ended sessions kept for status views; beyond it, ended ones are forgotten (whichever first). */
    static final int MAX_KEPT_PARTICIPATIONS = 64;

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    private final FederatedModel model;
    private final CapsuleSender sender;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final SessionListener listener;
    private final boolean autoJoin;
    private final MemberPresence presence;
    /** Where refused contributions are counted: the inbox's counts, which neuromesh:peers shows. */
    private final RejectionCounts refusals;
    private final Map<String, Aggregation> aggregations = new ConcurrentHashMap<>();
    private final Map<String, Participation> participations = new ConcurrentHashMap<>();

    /**
     * @param autoJoin join every proposed session whose data set this peer holds
     * @param presence which members a round waits for (discovery's view, with a grace for members that left)
     */
    public Sessions(FederatedModel model, CapsuleSender sender, Inbox inbox, ScheduledExecutorService timers,
            ExecutorService work, SessionListener listener, boolean autoJoin, MemberPresence presence) {
        this.presence = presence;
        this.model = model;
        this.sender = sender;
        this.timers = timers;
        this.work = work;
        this.listener = listener;
        this.autoJoin = autoJoin;
        this.refusals = inbox.rejections();
        inbox.onControl(SESSION_PROPOSE, this::proposed);
        inbox.onControl(SESSION_JOIN, this::joinRequested);
        inbox.onControl(SESSION_REPORT, this::reported);
        inbox.onCapsule(Aggregation.GLOBAL_STATE, this::globalStateArrived);
        inbox.onCapsule(Participation.CONTRIBUTION, this::contributionArrived);
    }

    /**
     * Proposes a session that this peer aggregates; it starts when {@code expectedMembers} joined.
     *
     * @param participate whether this peer also trains as a member
     */
    public void propose(SessionPlan plan, int expectedMembers, boolean participate) throws IOException {
        if (expectedMembers < 1) {
            throw new IllegalArgumentException("a session needs at least one member, got " + expectedMembers);
        }
        if (aggregations.putIfAbsent(plan.sessionId(),
                new Aggregation(plan, expectedMembers, model, sender, timers, work, listener, presence,
                        refusals)) != null) {
            throw new IllegalArgumentException("session " + plan.sessionId() + " exists already");
        }
        byte[] proposal = SessionCodec.proposal(new SessionCodec.Proposal(plan, sender.self(), expectedMembers));
        sender.control(SESSION_PROPOSE, null, proposal);
        repeatWhileOpen(plan.sessionId(), proposal);
        LOG.log(Level.INFO, "proposed session {0}: {1} rounds of {2} on {3}, waiting for {4} members",
                plan.sessionId(), plan.rounds(), plan.rule(), plan.dataset(), expectedMembers);
        if (participate) {
            participations.put(plan.sessionId(), new Participation(plan, sender.self(), model, sender, work,
                    listener));
            aggregations.get(plan.sessionId()).joined(sender.self());
        }
    }

    /**
     * Peers that start after the proposal, or restart during the session, still see it: it is sent again until the
     * session ends.
     */
    private void repeatWhileOpen(String sessionId, byte[] proposal) {
        timers.schedule(() -> {
            Aggregation aggregation = aggregations.get(sessionId);
            SessionStatus.State state = aggregation == null ? null : aggregation.status().state();
            if (state != SessionStatus.State.JOINING && state != SessionStatus.State.RUNNING) {
                return;
            }
            try {
                sender.control(SESSION_PROPOSE, null, proposal);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not repeat the proposal of session {0}: {1}", sessionId,
                        e.getMessage());
            }
            repeatWhileOpen(sessionId, proposal);
        }, PROPOSAL_REPEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Told when a peer left: rounds of sessions this peer aggregates stop waiting for it. */
    public void peerLeft(PeerId peer) {
        aggregations.values().forEach(aggregation -> aggregation.memberLeft(peer));
    }

    public Optional<SessionStatus> status(String sessionId) {
        Aggregation aggregation = aggregations.get(sessionId);
        if (aggregation != null) {
            return Optional.of(aggregation.status());
        }
        return Optional.ofNullable(participations.get(sessionId)).map(Participation::status);
    }

    /** Every session this peer knows, aggregated ones with the aggregator's view. */
    public List<SessionStatus> all() {
        List<SessionStatus> all = new ArrayList<>();
        aggregations.values().forEach(a -> all.add(a.status()));
        participations.forEach((id, p) -> {
            if (!aggregations.containsKey(id)) {
                all.add(p.status());
            }
        });
        return all;
    }

    private void proposed(SignedControlMessage message) throws IOException {
        SessionCodec.Proposal proposal = SessionCodec.readProposal(message.body());
        SessionPlan plan = proposal.plan();
        if (!proposal.aggregator().equals(message.sender())) {
            LOG.log(Level.WARNING, "ignored session {0}: proposed by {1} for another aggregator", plan.sessionId(),
                    message.sender().shortForm());
            return;
        }
        if (!autoJoin || !plan.dataset().equals(model.localData().dataset())) {
            return;
        }
        if (!participations.containsKey(plan.sessionId()) && !roomForAnotherParticipation()) {
            LOG.log(Level.WARNING, "ignored session {0} proposed by {1}: this peer takes part in {2} sessions"
                    + " already", plan.sessionId(), message.sender().shortForm(),
                    String.valueOf(MAX_ACTIVE_PARTICIPATIONS));
            return;
        }
        boolean[] isNew = { false };
        Participation participation = participations.computeIfAbsent(plan.sessionId(), id -> {
            isNew[0] = true;
            return new Participation(plan, proposal.aggregator(), model, sender, work, listener);
        });
        // a member that holds a global state is in the session; the repeated proposal is not for it
        if (isNew[0] || participation.latestRound() < 0) {
            sender.control(SESSION_JOIN, participation.aggregator(),
                    SessionCodec.join(new SessionCodec.Join(plan.sessionId(), participation.latestRound())));
        }
    }

    /** Whether fewer than the most sessions are active; forgets ended ones beyond what is kept. */
    private boolean roomForAnotherParticipation() {
        List<String> ended = new ArrayList<>();
        int active = 0;
        for (Map.Entry<String, Participation> entry : participations.entrySet()) {
            SessionStatus.State state = entry.getValue().status().state();
            if (state == SessionStatus.State.DONE || state == SessionStatus.State.FAILED) {
                ended.add(entry.getKey());
            } else {
                active++;
            }
        }
        for (int i = 0; i < ended.size() - MAX_KEPT_PARTICIPATIONS; i++) {
            participations.remove(ended.get(i));
        }
        return active < MAX_ACTIVE_PARTICIPATIONS;
    }

    private void joinRequested(SignedControlMessage message) throws IOException {
        SessionCodec.Join join = SessionCodec.readJoin(message.body());
        Aggregation aggregation = aggregations.get(join.sessionId());
        if (aggregation == null) {
            LOG.log(Level.WARNING, "{0} asked to join unknown session {1}", message.sender().shortForm(),
                    join.sessionId());
            return;
        }
        aggregation.joined(message.sender());
    }

    private void reported(SignedControlMessage message) throws IOException {
        MemberReport report = SessionCodec.readReport(message.sender(), message.body());
        Aggregation aggregation = aggregations.get(report.sessionId());
        if (aggregation != null) {
            aggregation.reported(report);
        }
    }

    private void globalStateArrived(PeerId from, Capsule capsule, long sealedBytes) throws IOException {
        SessionCodec.SessionState state = SessionCodec.readGlobalState(capsule.payload());
        Participation participation = participations.get(state.sessionId());
        if (participation == null || !participation.aggregator().equals(from)) {
            LOG.log(Level.WARNING, "ignored a global state for session {0} from {1}: not its aggregator",
                    state.sessionId(), from.shortForm());
            return;
        }
        participation.received(state.state(), sealedBytes);
    }

    private void contributionArrived(PeerId from, Capsule capsule, long sealedBytes) throws IOException {
        SessionCodec.SessionContribution contribution = SessionCodec.readContribution(capsule.payload());
        Aggregation aggregation = aggregations.get(contribution.sessionId());
        if (aggregation == null) {
            LOG.log(Level.WARNING, "ignored a contribution from {0} to unknown session {1}", from.shortForm(),
                    contribution.sessionId());
            return;
        }
        aggregation.contributed(from, contribution.contribution(), sealedBytes);
    }
}

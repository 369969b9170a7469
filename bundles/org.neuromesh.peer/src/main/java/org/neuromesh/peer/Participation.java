package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.peer.SessionStatus.State;

/**
 * A member's side of one session: each global state from the aggregator starts a round of local training, whose
 * contribution goes back sealed to the aggregator only. A newer global state stops an older round's training;
 * the last one ends the session with an evaluation on local test data.
 */
final class Participation {

    private static final System.Logger LOG = System.getLogger(Participation.class.getName());
    static final String CONTRIBUTION = "round-contribution";
    /** Passes over its own data for a member's baseline; alone, its accuracy stops rising long before. */
    static final int ALONE_PASSES = 2;

    private final SessionPlan plan;
    private final PeerId aggregator;
    private final FederatedModel model;
    private final CapsuleSender sender;
    private final ExecutorService work;
    private final SessionListener listener;
    private State state = State.JOINING;
    private volatile int latestRound = -1;
    private long bytesSent;
    private long bytesReceived;
    private double accuracy = Double.NaN;
    private String failure = "";

    Participation(SessionPlan plan, PeerId aggregator, FederatedModel model, CapsuleSender sender,
            ExecutorService work, SessionListener listener) {
        this.plan = plan;
        this.aggregator = aggregator;
        this.model = model;
        this.sender = sender;
        this.work = work;
        this.listener = listener;
    }

    PeerId aggregator() {
        return aggregator;
    }

    synchronized int latestRound() {
        return latestRound;
    }

    synchronized void received(GlobalState global, long sealedBytes) {
        bytesReceived += sealedBytes;
        if (global.round() <= latestRound || state == State.DONE) {
            return; // a duplicate or a late copy
        }
        latestRound = global.round();
        state = State.RUNNING;
        if (global.round() >= plan.rounds()) {
            work.execute(() -> finish(global));
        } else {
            work.execute(() -> train(global));
        }
    }

    synchronized SessionStatus status() {
        return new SessionStatus(plan, aggregator, false, state, Math.max(latestRound, 0), 0, List.of(), bytesSent,
                bytesReceived, accuracy, failure, List.of());
    }

    private void train(GlobalState global) {
        try {
            // a newer global state makes this round's work pointless: stop between batches
            LocalContribution contribution = model.train(plan, global, () -> latestRound > global.round());
            if (latestRound > global.round()) {
                return;
            }
            long bytes = sender.send(CONTRIBUTION, Set.of("session:" + plan.sessionId(),
                    "round:" + contribution.round()), SessionCodec.contribution(plan.sessionId(), contribution),
                    List.of(aggregator));
            synchronized (this) {
                bytesSent += bytes;
            }
            listener.progressed(status());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session {0}: round {1} failed here: {2}", plan.sessionId(), global.round() + 1,
                    e.getMessage());
        }
    }

    private void finish(GlobalState global) {
        try {
            double together = model.evaluate(plan, global.model()).accuracy();
            synchronized (this) {
                accuracy = together;
            }
            // the baseline: the same network trained on this peer's data alone
            double alone = model.evaluate(plan, model.trainAlone(plan, ALONE_PASSES, () -> false)).accuracy();
            MemberReport report;
            synchronized (this) {
                state = State.DONE;
                report = new MemberReport(sender.self(), plan.sessionId(), model.localData().classes().toString(),
                        alone, together, bytesSent, bytesReceived);
            }
            sender.control(Sessions.SESSION_REPORT, aggregator, SessionCodec.report(report));
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                state = State.FAILED;
                failure = "ending the session failed: " + e.getMessage();
            }
        }
        model.sessionEnded(plan.sessionId());
        listener.ended(status());
    }
}

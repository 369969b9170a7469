package org.neuromesh.peer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.BorrowOutcome;
import org.neuromesh.api.network.PeerActionException;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.peer.BorrowResult;
import org.neuromesh.peer.PeerRuntime;
import org.neuromesh.peer.SessionStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@link PeerActions} on the running peer: each action is the runtime's own (the shell's commands call the same
 * {@code Sessions}, {@code Borrowing}, {@code Sharing} and {@code Signals}), run on this component's thread so that
 * the caller never waits for the transport. Looks at the sessions twice a second and posts
 * {@link PeerActions#TOPIC_SESSION} for each one that changed.
 */
@Component(service = PeerActions.class, immediate = true)
public class PeerActionsComponent implements PeerActions {

    static final long LOOK_EVERY_MILLIS = 500;
    /** Largest text a capsule shared from a view may hold: a memory is a note, not a file transfer. */
    static final int MAX_SHARED_TEXT = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(PeerActionsComponent.class.getName());

    private final PeerRuntime runtime;
    private final ScheduledExecutorService thread;
    /** Last progress posted per session; only sessions the runtime still keeps (it bounds them) stay here. */
    private final Map<String, SessionProgress> lastPosted = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public PeerActionsComponent(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "neuromesh-peer-actions");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::postChangedSessions, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public void deactivate() {
        thread.shutdownNow();
    }

    @Override
    public CompletionStage<SessionProgress> startSession(SessionPlan plan, int members, boolean participate) {
        return onThread(() -> {
            try {
                runtime.sessions().propose(plan, members, participate);
            } catch (IllegalArgumentException e) {
                throw new PeerActionException("session " + plan.sessionId() + " not started: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new PeerActionException("session " + plan.sessionId() + " not started: its proposal could not"
                        + " be sent: " + e.getMessage(), e);
            }
            SessionProgress progress = session(plan.sessionId()).orElseThrow();
            post(progress);
            return progress;
        });
    }

    @Override
    public Optional<SessionProgress> session(String sessionId) {
        return runtime.sessions().status(sessionId).map(PeerActionsComponent::progress);
    }

    @Override
    public List<SessionProgress> sessions() {
        return runtime.sessions().all().stream().map(PeerActionsComponent::progress).toList();
    }

    @Override
    public CompletionStage<BorrowOutcome> borrow(PeerId from, Set<Integer> classes, int nodes, long maxCredits) {
        Optional<PeerActionException> refused = unknown(from, "borrow nodes from");
        if (refused.isEmpty() && (classes == null || classes.isEmpty())) {
            refused = Optional.of(new PeerActionException("name the classes to borrow nodes for"));
        }
        if (refused.isEmpty() && (nodes < 1 || nodes > 65_536 || maxCredits < 0)) {
            refused = Optional.of(new PeerActionException("borrow 1 to 65536 nodes for 0 or more credits, not "
                    + nodes + " nodes for " + maxCredits + " credits"));
        }
        if (refused.isPresent()) {
            return CompletableFuture.failedFuture(refused.get());
        }
        CompletableFuture<BorrowOutcome> outcome = new CompletableFuture<>();
        runtime.borrowing().borrow(classes, nodes, maxCredits, from).whenComplete((result, failure) -> {
            if (failure == null) {
                outcome.complete(outcome(result));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                outcome.completeExceptionally(new PeerActionException("borrowing from " + from.shortForm()
                        + " failed: " + cause.getMessage(), cause));
            }
        });
        return outcome;
    }

    @Override
    public CompletionStage<Long> share(PeerId with, String kind, String text, Set<String> tags) {
        Optional<PeerActionException> refused = unknown(with, "share with");
        if (refused.isPresent()) {
            return CompletableFuture.failedFuture(refused.get());
        }
        return onThread(() -> {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            if (payload.length > MAX_SHARED_TEXT) {
                throw new PeerActionException("a shared memory holds at most " + MAX_SHARED_TEXT + " bytes, not "
                        + payload.length);
            }
            try {
                String safeKind = kind == null || kind.isBlank() ? "memory" : kind.strip();
                Capsule capsule = new Capsule(safeKind + "-" + UUID.randomUUID(), safeKind, PrivacyLevel.SHAREABLE,
                        tags == null ? Set.of() : tags, new float[0], payload, Instant.now());
                return runtime.sharing().share(capsule, with);
            } catch (Exception e) {
                throw new PeerActionException("sharing with " + with.shortForm() + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public CompletionStage<Void> signal(PeerId to, double value, double urgency, String topic) {
        Optional<PeerActionException> refused = unknown(to, "send a signal to");
        if (refused.isPresent()) {
            return CompletableFuture.failedFuture(refused.get());
        }
        return onThread(() -> {
            try {
                // a value, urgency or topic out of bounds fails here, before anything is sent
                runtime.signals().send(value, urgency, topic, to);
                return null;
            } catch (IllegalArgumentException | IOException e) {
                throw new PeerActionException("the signal to " + to.shortForm() + " was not sent: "
                        + e.getMessage(), e);
            }
        });
    }

    /** A failure if {@code peer} is not among the peers discovery knows now. */
    private Optional<PeerActionException> unknown(PeerId peer, String what) {
        if (peer == null) {
            return Optional.of(new PeerActionException("name the peer to " + what));
        }
        boolean known = runtime.peers().stream().anyMatch(info -> info.id().equals(peer));
        return known ? Optional.empty() : Optional.of(new PeerActionException("cannot " + what + " "
                + peer.shortForm() + ": this peer does not know it now (it has gone, or was never seen)"));
    }

    private interface Action<T> {
        T run() throws PeerActionException;
    }

    private <T> CompletionStage<T> onThread(Action<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(action.run());
                } catch (PeerActionException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new PeerActionException("the peer runtime is stopping", e));
        }
        return result;
    }

    private void postChangedSessions() {
        try {
            Set<String> kept = new HashSet<>();
            for (SessionStatus status : runtime.sessions().all()) {
                kept.add(status.plan().sessionId());
                SessionProgress now = progress(status);
                if (!now.equals(lastPosted.get(now.sessionId()))) {
                    post(now);
                }
            }
            lastPosted.keySet().retainAll(kept);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tell the sessions' progress", e);
        }
    }

    private void post(SessionProgress progress) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_SESSION, Map.of(SESSION, progress)));
            lastPosted.put(progress.sessionId(), progress);
        }
    }

    static SessionProgress progress(SessionStatus status) {
        List<SessionProgress.Round> rounds = status.rounds().stream().map(r -> new SessionProgress.Round(r.round(),
                r.contributed(), r.refused(), r.members(), r.accuracy(), r.seconds())).toList();
        return new SessionProgress(status.plan(), status.aggregator(), status.aggregating(),
                SessionProgress.State.valueOf(status.state().name()), status.members(), rounds, status.accuracy(),
                status.failure());
    }

    private static BorrowOutcome outcome(BorrowResult r) {
        return new BorrowOutcome(r.owner(), r.packetId(), r.nodes(), r.price(), r.classes(), r.accuracyBefore(),
                r.accuracyAfter());
    }
}

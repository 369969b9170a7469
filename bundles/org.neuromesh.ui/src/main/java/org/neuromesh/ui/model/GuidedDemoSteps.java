package org.neuromesh.ui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.LocalPeers;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActionException;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;

/**
 * Does the guided demo's steps with the running peer's services; every step returns at once and completes with
 * the line the demo's log shows, or exceptionally with the reason (a {@link PeerActionException}'s message). Plain
 * Java over the API only, so the whole walk is tested without a display.
 */
public final class GuidedDemoSteps {

    /** The two demo peers: each holds half of the digits and trains a small model of its own. */
    public static final List<LocalPeerPlan> PEERS = List.of(
            new LocalPeerPlan("demo-peer-1", "mnist", Set.of(0, 1, 2, 3, 4), List.of(64), 1),
            new LocalPeerPlan("demo-peer-2", "mnist", Set.of(5, 6, 7, 8, 9), List.of(64), 1));

    private static final Set<Integer> BORROWED_CLASSES = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(
            Set.of(5, 6, 7, 8, 9)));
    private static final Duration POLL = Duration.ofMillis(250);

    private final LocalPeers localPeers;
    private final PeerActions actions;
    private final PeerNetwork network;
    private final NodeLending lending;
    private final ScheduledExecutorService timer;
    private final Executor work;
    private final Duration discoveryWait;
    private final Duration sessionWait;

    /**
     * @param timer polls the network and the session while the steps wait for them
     * @param work  runs the blocking parts (training this peer's own model)
     */
    public GuidedDemoSteps(LocalPeers localPeers, PeerActions actions, PeerNetwork network, NodeLending lending,
            ScheduledExecutorService timer, Executor work, Duration discoveryWait, Duration sessionWait) {
        this.localPeers = localPeers;
        this.actions = actions;
        this.network = network;
        this.lending = lending;
        this.timer = timer;
        this.work = work;
        this.discoveryWait = discoveryWait;
        this.sessionWait = sessionWait;
    }

    /** Does {@code step}. */
    public CompletionStage<String> perform(GuidedDemo.Step step) {
        return switch (step) {
            case START_PEERS -> startPeers();
            case DISCOVER -> discover();
            case BORROW -> borrow();
            case SESSION -> session();
            case SIGNAL -> signal();
            case DASHBOARD -> CompletableFuture.completedFuture(dashboard(network.status()));
            case FINISH -> CompletableFuture.supplyAsync(() -> {
                localPeers.stopAll();
                return "The demo peers have stopped; their folders are deleted.";
            }, work);
        };
    }

    /** Stops the demo peers, e.g. when the demo is closed half-way (blocks). */
    public void stop() {
        localPeers.stopAll();
    }

    private CompletionStage<String> startPeers() {
        Set<String> running = localPeers.running().stream().map(LocalPeer::name).collect(Collectors.toSet());
        List<CompletableFuture<String>> starts = PEERS.stream().map(plan -> running.contains(plan.name())
                ? CompletableFuture.completedFuture(plan.name() + " runs already")
                : localPeers.start(plan).toCompletableFuture().thenApply(GuidedDemoSteps::started)).toList();
        return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).thenApply(all -> starts.stream()
                .map(CompletableFuture::join).collect(Collectors.joining("; ")));
    }

    private static String started(LocalPeer peer) {
        return String.format(Locale.ROOT, "%s runs (process %d) with the digits %s; its own model gets %.1f%% of the"
                + " test digits right", peer.name(), peer.pid(), peer.plan().classes(), 100 * peer.ownModelAccuracy());
    }

    private CompletionStage<String> discover() {
        return await(() -> demoPeers(network.status()).size() == PEERS.size() ? Optional.of(
                "This peer sees " + PEERS.stream().map(LocalPeerPlan::name).collect(Collectors.joining(" and "))
                        + " through the broker") : Optional.empty(), discoveryWait,
                () -> "the demo peers did not show up within " + discoveryWait.toSeconds() + " s; this peer sees "
                        + demoPeers(network.status()).keySet());
    }

    private CompletionStage<String> borrow() {
        return CompletableFuture.supplyAsync(this::ownModel, work).thenCompose(own -> actions.borrow(peer(
                "demo-peer-2"), BORROWED_CLASSES, 32, 100).thenApply(b -> own + String.format(Locale.ROOT,
                        "Borrowed %d nodes from demo-peer-2 for %d credits: this peer's accuracy on the digits %s went"
                                + " from %.1f%% to %.1f%%", b.nodes(), b.price(), new TreeSet<>(b.classes()),
                        100 * b.accuracyBefore(),
                        100 * b.accuracyAfter())));
    }

    /** Trains this peer's own model if it has none (borrowed nodes are grafted into it). */
    private String ownModel() {
        try {
            lending.evaluateOwn();
            return "";
        } catch (IOException noModel) {
            try {
                Evaluation own = lending.trainOwn("eligibility", List.of(64), 1, 1, () -> false);
                return String.format(Locale.ROOT, "This peer trained a model of its own first (%.1f%%). ",
                        100 * own.accuracy());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private CompletionStage<String> session() {
        String id = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        SessionPlan plan = new SessionPlan(id, "mnist", "eligibility", List.of(32), 3, 20, 64, 7, 1.0,
                Duration.ofSeconds(60));
        return actions.startSession(plan, PEERS.size() + 1, true).thenCompose(first -> await(() -> actions
                .session(id).filter(p -> p.state() == SessionProgress.State.DONE
                        || p.state() == SessionProgress.State.FAILED).map(GuidedDemoSteps::sessionOutcome),
                sessionWait, () -> "session " + id + " did not end within " + sessionWait.toSeconds() + " s"))
                .thenApply(outcome -> {
                    if (outcome.startsWith("failed: ")) {
                        throw new CompletionException(new PeerActionException("Session " + id + " "
                                + outcome));
                    }
                    return outcome;
                });
    }

    private static String sessionOutcome(SessionProgress progress) {
        if (progress.state() == SessionProgress.State.FAILED) {
            return "failed: " + progress.failure();
        }
        return String.format(Locale.ROOT, "Session %s done: %d rounds with %d members; the global model recognises"
                + " %.1f%% of this peer's test digits", progress.plan().sessionId(), progress.rounds().size(),
                progress.members(), 100 * progress.accuracy());
    }

    private CompletionStage<String> signal() {
        return CompletableFuture.completedFuture("demo-peer-1").thenCompose(name -> actions.signal(peer(name), 0.8,
                0.9, "mnist")).thenApply(done -> "Sent an error signal (0.80, urgency 0.90, about mnist) to"
                        + " demo-peer-1");
    }

    private static String dashboard(NetworkStatus status) {
        return String.format(Locale.ROOT, "The Dashboard: %d peers, credit balance %+d, %d capsules sent and %d"
                + " opened, %d messages refused", status.peers().size(), status.creditBalance(),
                status.traffic().capsulesSent(), status.traffic().capsulesOpened(), status.refusedTotal());
    }

    private PeerId peer(String name) {
        PeerInfo peer = demoPeers(network.status()).get(name);
        if (peer == null) {
            throw new CompletionException(new PeerActionException(name + " is not seen by this peer any more (its"
                    + " process ended?); Finish, then start the demo again"));
        }
        return peer.id();
    }

    private static java.util.Map<String, PeerInfo> demoPeers(NetworkStatus status) {
        Set<String> names = PEERS.stream().map(LocalPeerPlan::name).collect(Collectors.toSet());
        return status.peers().stream().filter(p -> names.contains(p.displayName())).collect(Collectors.toMap(
                PeerInfo::displayName, p -> p, (a, b) -> a.lastSeen().isAfter(b.lastSeen()) ? a : b,
                java.util.TreeMap::new));
    }

    /** Completes with the first value {@code check} gives, polled; exceptionally after {@code wait}. */
    private CompletionStage<String> await(Supplier<Optional<String>> check, Duration wait,
            Supplier<String> timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + wait.toNanos();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (result.isDone()) {
                    return;
                }
                try {
                    Optional<String> value = check.get();
                    if (value.isPresent()) {
                        result.complete(value.get());
                    } else if (System.nanoTime() > deadline) {
                        result.completeExceptionally(new PeerActionException(timeout.get()));
                    } else {
                        timer.schedule(this, POLL.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        timer.execute(poll);
        return result;
    }
}

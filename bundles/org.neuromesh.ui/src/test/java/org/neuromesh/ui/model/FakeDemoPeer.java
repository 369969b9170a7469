package org.neuromesh.ui.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.BorrowOutcome;
import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.LocalPeers;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActionException;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.TransportState;

/**
 * The running peer's services as the guided demo uses them, in memory: a started local peer is seen on the network
 * at once, a borrow needs an own model, a session is done on its second look. Records what was asked.
 */
final class FakeDemoPeer implements LocalPeers, PeerActions, PeerNetwork, NodeLending {

    static final PeerId SELF = new PeerId("a".repeat(16));

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<LocalPeer> running = new CopyOnWriteArrayList<>();
    final List<PeerInfo> seen = new CopyOnWriteArrayList<>();
    final Map<PeerId, Long> credits = new ConcurrentHashMap<>();
    final Map<String, Integer> sessionLooks = new ConcurrentHashMap<>();
    final Map<String, SessionPlan> sessions = new ConcurrentHashMap<>();
    volatile boolean ownModel;
    volatile String startFailure;
    /** Whether started peers show up on the network. */
    volatile boolean visible = true;

    @Override
    public CompletionStage<LocalPeer> start(LocalPeerPlan plan) {
        calls.add("start " + plan.name());
        if (startFailure != null) {
            return CompletableFuture.failedFuture(new PeerActionException(startFailure));
        }
        LocalPeer peer = new LocalPeer(plan, 100 + running.size(), Path.of("local-peers", plan.name()), 0.975);
        running.add(peer);
        if (visible) {
            seen.add(new PeerInfo(new PeerId(("d" + plan.name().charAt(plan.name()
                    .length() - 1)).repeat(8)), plan.name(), Set.of(),
                    Map.of(), Instant.now()));
        }
        return CompletableFuture.completedFuture(peer);
    }

    @Override
    public List<LocalPeer> running() {
        return List.copyOf(running);
    }

    @Override
    public void stopAll() {
        calls.add("stopAll");
        running.clear();
        seen.clear();
    }

    @Override
    public NetworkStatus status() {
        return new NetworkStatus(SELF, Instant.now(), TransportState.unknown(), List.copyOf(seen), Map.copyOf(credits),
                Map.of(), new Traffic(4, 3, 4_000, 3_000));
    }

    @Override
    public CompletionStage<BorrowOutcome> borrow(PeerId from, Set<Integer> classes, int nodes, long maxCredits) {
        calls.add("borrow " + nodes + " " + classes + " from " + from.value());
        if (!ownModel) {
            return CompletableFuture.failedFuture(new PeerActionException("no own model to graft into"));
        }
        credits.put(from, -32L);
        // in no order, as a HashSet from the network would be
        Set<Integer> unordered = new java.util.LinkedHashSet<>(List.of(9, 5, 7, 6, 8));
        return CompletableFuture.completedFuture(new BorrowOutcome(from, "packet-1", nodes, 32, unordered, 0.0, 0.9));
    }

    @Override
    public CompletionStage<SessionProgress> startSession(SessionPlan plan, int members, boolean participate) {
        calls.add("session of " + members + (participate ? " with this peer" : ""));
        sessions.put(plan.sessionId(), plan);
        return CompletableFuture.completedFuture(progress(plan, SessionProgress.State.JOINING));
    }

    @Override
    public Optional<SessionProgress> session(String sessionId) {
        SessionPlan plan = sessions.get(sessionId);
        if (plan == null) {
            return Optional.empty();
        }
        int looks = sessionLooks.merge(sessionId, 1, Integer::sum);
        return Optional.of(progress(plan, looks < 2 ? SessionProgress.State.RUNNING : SessionProgress.State.DONE));
    }

    private static SessionProgress progress(SessionPlan plan, SessionProgress.State state) {
        List<SessionProgress.Round> rounds = new ArrayList<>();
        if (state == SessionProgress.State.DONE) {
            for (int round = 1; round <= plan.rounds(); round++) {
                rounds.add(new SessionProgress.Round(round, List.of(SELF), List.of(), 3, 0.8, 1.0));
            }
        }
        return new SessionProgress(plan, SELF, true, state, 3, rounds, state == SessionProgress.State.DONE ? 0.8125
                : Double.NaN, "");
    }

    @Override
    public List<SessionProgress> sessions() {
        return List.of();
    }

    @Override
    public CompletionStage<Long> share(PeerId with, String kind, String text, Set<String> tags) {
        return CompletableFuture.failedFuture(new AssertionError("the demo shares no capsule"));
    }

    @Override
    public CompletionStage<Void> signal(PeerId to, double value, double urgency, String topic) {
        calls.add("signal " + value + " to " + to.value());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Evaluation trainOwn(String rule, List<Integer> hidden, int epochs, long seed, BooleanSupplier stop) {
        calls.add("train own " + rule + " " + hidden + " " + epochs);
        ownModel = true;
        return new Evaluation(0.9, new double[10], 10_000);
    }

    @Override
    public Evaluation evaluateOwn() throws IOException {
        if (!ownModel) {
            throw new IOException("no own model");
        }
        return new Evaluation(0.9, new double[10], 10_000);
    }

    @Override
    public NodePacket lend(Set<Integer> classes, int count) {
        throw new AssertionError("the demo lends nothing");
    }

    @Override
    public Evaluation graft(NodePacket packet) {
        throw new AssertionError("the demo grafts through PeerActions");
    }

    @Override
    public NodePacket snapshot(String packetId) {
        throw new AssertionError("the demo returns nothing");
    }
}

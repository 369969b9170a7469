package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.BorrowOutcome;
import org.neuromesh.api.network.PeerActionException;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.peer.internal.PeerActionsComponent;

/**
 * The {@code PeerActions} service on runtimes made of the real parts (keys, inbox, borrowing, signals, sessions)
 * over the test transport, with scripted learning: what the workbench's Peers view gets.
 */
class PeerActionsTest {

    private static final BorrowingTerms TERMS = new BorrowingTerms(Duration.ofSeconds(5), 2, true);

    @TempDir
    Path folder;

    private final LoopbackTestBroker broker = new LoopbackTestBroker();
    private final List<TestPeer> peers = new ArrayList<>();
    private final List<PeerActionsComponent> components = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (PeerActionsComponent component : components) {
            component.deactivate();
        }
        for (TestPeer peer : peers) {
            peer.close();
        }
        broker.close();
    }

    @Test
    void givenAKnownOwner_whenNodesAreBorrowedFromIt_thenTheOutcomeHasThePriceAndTheGain() throws Exception {
        TestPeer borrower = peer("borrower", Set.of(0, 1, 2, 3, 4));
        TestPeer owner = peer("owner", Set.of(5, 6, 7, 8, 9));
        TestPeer.introduce(borrower, owner);
        PeerActionsComponent actions = actions(borrower, List.of(owner), null);
        BorrowOutcome outcome = actions.borrow(owner.id(), Set.of(5, 6), 8, 20).toCompletableFuture().get(10,
                TimeUnit.SECONDS);
        assertEquals(owner.id(), outcome.owner());
        assertEquals(16, outcome.price());
        assertEquals(0.0, outcome.accuracyBefore(), 1e-9);
        assertEquals(0.8, outcome.accuracyAfter(), 1e-9);
    }

    @Test
    void givenAPeerDiscoveryNoLongerKnows_whenAnyActionNamesIt_thenItFailsSayingSoAndNothingIsSent()
            throws Exception {
        TestPeer self = peer("self", Set.of(0));
        TestPeer gone = peer("gone", Set.of(5));
        TestPeer.introduce(self, gone);
        PeerActionsComponent actions = actions(self, List.of(), null);
        long before = broker.messages();
        String expected = gone.id().shortForm() + ": this peer does not know it now (it has gone, or was never seen)";
        assertEquals("cannot borrow nodes from " + expected, failure(() -> actions.borrow(gone.id(), Set.of(5), 4,
                10).toCompletableFuture().get(5, TimeUnit.SECONDS)));
        assertEquals("cannot send a signal to " + expected, failure(() -> actions.signal(gone.id(), 0.5, 0.5,
                "all").toCompletableFuture().get(5, TimeUnit.SECONDS)));
        assertEquals("cannot share with " + expected, failure(() -> actions.share(gone.id(), "memory", "hi",
                Set.of()).toCompletableFuture().get(5, TimeUnit.SECONDS)));
        assertEquals(before, broker.messages());
    }

    @Test
    void givenAKnownPeer_whenASignalIsSentToItOrABadOneIsTried_thenItArrivesOrTheReasonIsGiven() throws Exception {
        TestPeer self = peer("self", Set.of(0));
        TestPeer other = peer("other", Set.of(5));
        TestPeer.introduce(self, other);
        List<ErrorSignal> received = new CopyOnWriteArrayList<>();
        other.signals.subscribe(received::add);
        PeerActionsComponent actions = actions(self, List.of(other), null);
        actions.signal(other.id(), 0.75, 0.9, "from-a-view").toCompletableFuture().get(5, TimeUnit.SECONDS);
        Eventually.await("the signal at the other peer", Duration.ofSeconds(5), () -> !received.isEmpty());
        assertEquals("from-a-view", received.get(0).topic());
        assertTrue(failure(() -> actions.signal(other.id(), 0.5, 2, "all").toCompletableFuture().get(5,
                TimeUnit.SECONDS)).startsWith("the signal to " + other.id().shortForm() + " was not sent: "));
    }

    @Test
    void givenTwoPeers_whenOneStartsASessionTakingPartItself_thenItsProgressNamesBothContributorsEachRound()
            throws Exception {
        TestPeer coordinator = peer("coordinator", Set.of(0));
        TestPeer member = peer("member", Set.of(1));
        TestPeer.introduce(coordinator, member);
        Sessions sessions = coordinator.sessions(new ScriptedFederatedModel(0), false);
        member.sessions(new ScriptedFederatedModel(1), true);
        PeerActionsComponent actions = actions(coordinator, List.of(member), sessions);
        SessionPlan plan = new SessionPlan("s", "mnist", "eligibility", List.of(8), 2, 10, 10, 1, 0.5,
                Duration.ofSeconds(30));
        SessionProgress started = actions.startSession(plan, 2, true).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(started.aggregating());
        Eventually.await("the session done", Duration.ofSeconds(20), () -> actions.session("s").orElseThrow()
                .state() == SessionProgress.State.DONE);
        SessionProgress done = actions.session("s").orElseThrow();
        assertEquals(List.of(done), actions.sessions());
        assertEquals(List.of(1, 2), done.rounds().stream().map(SessionProgress.Round::round).toList());
        for (SessionProgress.Round round : done.rounds()) {
            assertEquals(Set.of(coordinator.id(), member.id()), Set.copyOf(round.contributed()));
            assertEquals(List.of(), round.refused());
        }
        // and the same id cannot be started twice
        assertTrue(failure(() -> actions.startSession(plan, 2, true).toCompletableFuture().get(5,
                TimeUnit.SECONDS)).startsWith("session s not started: "));
    }

    private TestPeer peer(String name, Set<Integer> held) throws Exception {
        TestPeer peer = new TestPeer(folder.resolve(name), broker, new ScriptedNodeLending(held, 0.8), TERMS);
        peers.add(peer);
        return peer;
    }

    /** The service on {@code self}'s parts, with {@code known} as what discovery knows. */
    private PeerActionsComponent actions(TestPeer self, List<TestPeer> known, Sessions sessions) {
        List<PeerInfo> infos = known.stream().map(peer -> new PeerInfo(peer.id(), peer.home.getFileName()
                .toString(), Set.of(), Map.of(), Instant.now())).toList();
        Sessions theSessions = sessions != null ? sessions : self.sessions(new ScriptedFederatedModel(), false);
        PeerRuntime runtime = new PeerRuntime() {
            @Override
            public PeerId self() {
                return self.id();
            }

            @Override
            public List<PeerInfo> peers() {
                return infos;
            }

            @Override
            public Sessions sessions() {
                return theSessions;
            }

            @Override
            public Borrowing borrowing() {
                return self.borrowing;
            }

            @Override
            public Lending lending() {
                return self.lendingSide;
            }

            @Override
            public Loans loans() {
                return self.loans;
            }

            @Override
            public Signals signals() {
                return self.signals;
            }

            @Override
            public Sharing sharing() {
                return self.sharing;
            }

            @Override
            public CreditBook credits() {
                return self.credits;
            }

            @Override
            public RejectionCounts rejections() {
                return self.inbox.rejections();
            }

            @Override
            public Traffic traffic() {
                return Traffic.NONE;
            }

            @Override
            public org.neuromesh.api.network.MessageFlows drainFlows() {
                return self.drainFlows();
            }
        };
        PeerActionsComponent component = new PeerActionsComponent(runtime);
        components.add(component);
        return component;
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** The message of the PeerActionException the call fails with. */
    private static String failure(Call call) {
        ExecutionException failed = assertThrows(ExecutionException.class, call::run);
        return assertInstanceOf(PeerActionException.class, failed.getCause()).getMessage();
    }
}

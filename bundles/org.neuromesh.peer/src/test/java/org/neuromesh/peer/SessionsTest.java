package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.peer.SessionStatus.RoundSummary;
import org.neuromesh.peer.SessionStatus.State;

/** The session protocol between an aggregator and members, with real keys and sealed capsules. */
class SessionsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final LoopbackTestBroker broker = new LoopbackTestBroker();
    private final List<TestPeer> peers = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (TestPeer peer : peers) {
            peer.close();
        }
    }

    private TestPeer peer(String name) throws Exception {
        TestPeer peer = new TestPeer(folder.resolve(name), broker, new ScriptedNodeLending(java.util.Set.of(), 0),
                new BorrowingTerms(Duration.ofSeconds(5), 1, false));
        peers.add(peer);
        return peer;
    }

    private static void awaitEndWithEveryRound(Sessions aggregator, int contributors, int members)
            throws InterruptedException {
        Eventually.await("the session to end", WAIT,
                () -> aggregator.status("s").filter(s -> s.state() == State.DONE).isPresent());
        aggregator.status("s").orElseThrow().rounds().forEach(round -> {
            assertEquals(contributors, round.contributors());
            assertEquals(members, round.members());
        });
    }

    /**
     * Members a, b and c who join sessions on MNIST; the last {@code hanging} of them never contribute. Every peer
     * made so far knows them.
     */
    private List<TestPeer> threeMembersOfWhichHang(int hanging) throws Exception {
        List<TestPeer> members = List.of(peer("a"), peer("b"), peer("c"));
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        for (int i = 0; i < members.size(); i++) {
            ScriptedFederatedModel model = new ScriptedFederatedModel(i);
            model.silence(i >= members.size() - hanging);
            members.get(i).sessions(model, true);
        }
        return members;
    }

    /** Discovery's view in these tests: the peers present now. */
    private static Set<PeerId> present(List<TestPeer> members) {
        Set<PeerId> present = ConcurrentHashMap.newKeySet();
        members.forEach(member -> present.add(member.id()));
        return present;
    }

    /** Discovery reports {@code member} gone. */
    private static void reportGone(Sessions aggregator, Set<PeerId> present, TestPeer member) {
        present.remove(member.id());
        aggregator.peerLeft(member.id());
    }

    /**
     * A session of three members aggregated by {@code coordinator}, whose rounds wait {@code grace} for members
     * that left and have a deadline far away; returns once round 1 started.
     */
    private static Sessions runningSession(TestPeer coordinator, Set<PeerId> present, Duration grace, int rounds)
            throws Exception {
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(), false,
                new MemberPresence(present::contains, grace));
        aggregator.propose(plan(rounds, Duration.ofMinutes(5)), 3, false);
        Eventually.await("round 1 to start", WAIT,
                () -> aggregator.status("s").filter(s -> s.state() == State.RUNNING).isPresent());
        return aggregator;
    }

    private static SessionPlan plan(int rounds, Duration deadline) {
        // 10 local steps of 10 samples: the 100 samples each scripted member claims
        return new SessionPlan("s", "mnist", "eligibility", List.of(8), rounds, 10, 10, 1, 0.5, deadline);
    }

    @Test
    void givenAnAggregatorAndThreeMembers_whenASessionRuns_thenEveryRoundMergesAllAndEveryMemberReports()
            throws Exception {
        // given an aggregator and three members who join sessions on MNIST
        TestPeer coordinator = peer("coordinator");
        List<TestPeer> members = List.of(peer("a"), peer("b"), peer("c"));
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(0, 1), false);
        List<ScriptedFederatedModel> models = new ArrayList<>();
        for (TestPeer member : members) {
            ScriptedFederatedModel model = new ScriptedFederatedModel(members.indexOf(member));
            models.add(model);
            member.sessions(model, true);
        }
        // when a 4-round session for three members is proposed
        aggregator.propose(plan(4, Duration.ofSeconds(30)), 3, false);
        // then it ends with 4 rounds of 3 contributions each, and all three members reported
        Eventually.await("the session to end with three reports", WAIT, () -> aggregator.status("s")
                .filter(s -> s.state() == State.DONE && s.reports().size() == 3).isPresent());
        SessionStatus status = aggregator.status("s").orElseThrow();
        assertEquals(4, status.rounds().size());
        status.rounds().forEach(round -> assertEquals(3, round.contributors()));
        models.forEach(model -> assertEquals(4, model.rounds.get()));
        assertTrue(status.bytesSent() > 0 && status.bytesReceived() > 0);
    }

    @Test
    void givenAMemberClaimingMoreTrainingThanThePlanAllows_whenItContributes_thenItIsRefusedCountedAndNotWaitedFor()
            throws Exception {
        // given two honest members and one that claims 1,000 samples a round, where the plan allows 100, to buy a
        // tenfold weight in the average
        TestPeer coordinator = peer("coordinator");
        List<TestPeer> members = List.of(peer("a"), peer("b"), peer("greedy"));
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        for (int i = 0; i < members.size(); i++) {
            ScriptedFederatedModel model = new ScriptedFederatedModel(i);
            model.claim(i == 2 ? 1000 : 100);
            members.get(i).sessions(model, true);
        }
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(), false);
        // when a 2-round session runs whose rounds have deadlines of 30 s
        aggregator.propose(plan(2, Duration.ofSeconds(30)), 3, false);
        // then both rounds close with the two honest members only, without waiting for the greedy one's deadline
        // (the session ends within WAIT, less than one deadline)
        awaitEndWithEveryRound(aggregator, 2, 3);
        // and the greedy contributions were refused with their reason, counted where neuromesh:peers shows them
        assertEquals(2, coordinator.inbox.rejections().get(RejectionReason.BEYOND_PLAN));
    }

    @Test
    void givenAPeerProposingMoreSessionsThanAMemberTakesPartIn_thenTheMemberJoinsOnlyUpToItsBound() throws Exception {
        // given a proposer whose sessions wait for two members, and one member that joins sessions on MNIST
        TestPeer proposer = peer("proposer");
        TestPeer member = peer("member");
        TestPeer.introduce(proposer, member);
        Sessions proposals = proposer.sessions(new ScriptedFederatedModel(), false);
        Sessions joined = member.sessions(new ScriptedFederatedModel(0), true);
        // when it proposes one session more than a member takes part in at once
        for (int i = 0; i <= Sessions.MAX_ACTIVE_PARTICIPATIONS; i++) {
            proposals.propose(new SessionPlan("s" + i, "mnist", "eligibility", List.of(8), 2, 10, 10, 1, 0.5,
                    Duration.ofMinutes(5)), 2, false);
            int proposed = i + 1;
            Eventually.await("the member hearing proposal " + proposed, WAIT, () -> joined.all().size()
                    == Math.min(proposed, Sessions.MAX_ACTIVE_PARTICIPATIONS));
        }
        // (the member handles messages in order: once a signal sent after the last proposal arrived, it was handled)
        proposer.signals.broadcast(0.5, 0.5, "after-the-proposals");
        Eventually.await("the member hearing the signal", WAIT, () -> member.signals.latest().stream()
                .anyMatch(signal -> signal.topic().equals("after-the-proposals")));
        // then it joined as many as its bound, and not the last one
        assertEquals(Sessions.MAX_ACTIVE_PARTICIPATIONS, joined.all().size());
        assertTrue(joined.status("s" + Sessions.MAX_ACTIVE_PARTICIPATIONS).isEmpty());
    }

    @Test
    void givenAMemberThatHangs_whenTheDeadlinePasses_thenTheRoundClosesWithTheQuorum() throws Exception {
        // given two working members and one that never contributes
        TestPeer coordinator = peer("coordinator");
        threeMembersOfWhichHang(1);
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(), false);
        // when a 2-round session with a quorum of half and a short deadline runs
        aggregator.propose(plan(2, Duration.ofMillis(400)), 3, false);
        // then both rounds close at their deadlines with the two working members
        awaitEndWithEveryRound(aggregator, 2, 3);
    }

    @Test
    void givenASessionUnderWay_whenAMemberJoinsLate_thenItGetsTheCurrentStateAndContributes() throws Exception {
        // given a session of one member whose rounds take 300 ms each
        TestPeer coordinator = peer("coordinator");
        TestPeer early = peer("early");
        TestPeer late = peer("late");
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(), false);
        ScriptedFederatedModel earlyModel = new ScriptedFederatedModel(0);
        earlyModel.slow(300);
        early.sessions(earlyModel, true);
        aggregator.propose(plan(4, Duration.ofSeconds(10)), 1, false);
        Eventually.await("round 1 to close", WAIT,
                () -> aggregator.status("s").filter(s -> !s.rounds().isEmpty()).isPresent());
        // when another member appears and asks to join (as a member coming back does)
        ScriptedFederatedModel lateModel = new ScriptedFederatedModel(1);
        Sessions lateSessions = late.sessions(lateModel, true);
        late.inbox.received(coordinator.security.sign(Sessions.SESSION_PROPOSE, null, SessionCodec.proposal(
                new SessionCodec.Proposal(plan(4, Duration.ofSeconds(10)), coordinator.id(), 1))));
        // then it is sent the current global state at once, trains, and the session ends with it as a member
        Eventually.await("the session to end", WAIT,
                () -> aggregator.status("s").filter(s -> s.state() == State.DONE).isPresent());
        assertEquals(2, aggregator.status("s").orElseThrow().members());
        assertTrue(lateModel.rounds.get() >= 1, "the late member trained " + lateModel.rounds.get() + " rounds");
        assertTrue(lateSessions.status("s").isPresent());
    }

    @Test
    void givenAMemberThatLeft_whenTheOthersContributed_thenTheRoundClosesWithoutWaitingForItsDeadline()
            throws Exception {
        // given two working members and one that hangs, and rounds whose deadline is far away
        TestPeer coordinator = peer("coordinator");
        List<TestPeer> members = threeMembersOfWhichHang(1);
        Set<PeerId> present = present(members);
        Sessions aggregator = runningSession(coordinator, present, Duration.ofSeconds(1), 3);
        // when discovery reports the hanging member gone
        reportGone(aggregator, present, members.get(2));
        // then every round closes with the two others once its grace passed, long before any deadline
        awaitEndWithEveryRound(aggregator, 2, 3);
    }

    @Test
    void givenTwoMembersThatLeftAtDifferentTimes_whenBothGracesPass_thenTheRoundClosesWithoutWaitingForItsDeadline()
            throws Exception {
        // given one working member and two that hang, a grace of 1 s, and rounds whose deadline is far away
        TestPeer coordinator = peer("coordinator");
        List<TestPeer> members = threeMembersOfWhichHang(2);
        Set<PeerId> present = present(members);
        Sessions aggregator = runningSession(coordinator, present, Duration.ofSeconds(1), 2);
        // when discovery reports one hanging member gone, and the other half a second later
        reportGone(aggregator, present, members.get(1));
        Thread.sleep(500);
        reportGone(aggregator, present, members.get(2));
        // then the round closes once the second grace has passed too, with the one working member
        awaitEndWithEveryRound(aggregator, 1, 3);
    }

    @Test
    void givenABrokerRestart_whenAMemberIsReportedGoneAndContributesLate_thenTheRoundStillWaitsForIt()
            throws Exception {
        // given three members, one of them slower than the others, and a grace for members that left
        TestPeer coordinator = peer("coordinator");
        List<TestPeer> members = List.of(peer("a"), peer("b"), peer("slow"));
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        members.get(0).sessions(new ScriptedFederatedModel(0), true);
        members.get(1).sessions(new ScriptedFederatedModel(1), true);
        ScriptedFederatedModel slow = new ScriptedFederatedModel(2);
        slow.slow(300);
        members.get(2).sessions(slow, true);
        Set<PeerId> present = present(members);
        Sessions aggregator = runningSession(coordinator, present, Duration.ofSeconds(10), 3);
        // when the broker restarts: discovery reports the slow member gone for a moment, the others contribute
        reportGone(aggregator, present, members.get(2));
        Eventually.await("round 1 to close", WAIT,
                () -> aggregator.status("s").filter(s -> !s.rounds().isEmpty()).isPresent());
        present.add(members.get(2).id());
        // then no round closed without the slow member's late contribution
        awaitEndWithEveryRound(aggregator, 3, 3);
    }

    @Test
    void givenAMemberThatCrashed_whenItStartsAgain_thenItFindsTheRunningSessionRejoinsAndContributes()
            throws Exception {
        // given a session of two members whose rounds take 300 ms each
        TestPeer coordinator = peer("coordinator");
        TestPeer crashing = peer("crashing");
        TestPeer steady = peer("steady");
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        Set<PeerId> present = ConcurrentHashMap.newKeySet();
        present.add(crashing.id());
        present.add(steady.id());
        Sessions aggregator = coordinator.sessions(new ScriptedFederatedModel(), false,
                new MemberPresence(present::contains, Duration.ZERO));
        ScriptedFederatedModel steadyModel = new ScriptedFederatedModel(1);
        steadyModel.slow(300);
        steady.sessions(steadyModel, true);
        crashing.sessions(new ScriptedFederatedModel(0), true);
        aggregator.propose(plan(12, Duration.ofMinutes(5)), 2, false);
        Eventually.await("round 1 to close", WAIT,
                () -> aggregator.status("s").filter(s -> !s.rounds().isEmpty()).isPresent());
        // when one member crashes (its runtime is gone, discovery sees it leave) and later starts again from its
        // identity on disk, with nothing of the session in memory
        peers.remove(crashing);
        crashing.close();
        present.remove(crashing.id());
        aggregator.peerLeft(crashing.id());
        TestPeer restarted = peer("crashing");
        TestPeer.introduce(coordinator, restarted);
        ScriptedFederatedModel restartedModel = new ScriptedFederatedModel(0);
        restarted.sessions(restartedModel, true);
        present.add(restarted.id());
        // then the repeated proposal brings it back: it is sent the current state, trains, and contributes again
        Eventually.await("the session to end", WAIT,
                () -> aggregator.status("s").filter(s -> s.state() == State.DONE).isPresent());
        SessionStatus status = aggregator.status("s").orElseThrow();
        assertEquals(2, status.members());
        assertTrue(restartedModel.rounds.get() >= 1, "the restarted member trained " + restartedModel.rounds.get());
        RoundSummary last = status.rounds().get(status.rounds().size() - 1);
        assertEquals(2, last.contributors(), status.rounds().toString());
    }
}

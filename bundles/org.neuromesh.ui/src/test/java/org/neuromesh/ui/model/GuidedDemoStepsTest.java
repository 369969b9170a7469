package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.network.PeerActionException;
import org.neuromesh.ui.model.GuidedDemo.Step;

class GuidedDemoStepsTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FakeDemoPeer peer = new FakeDemoPeer();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private GuidedDemoSteps steps(Duration wait) {
        return new GuidedDemoSteps(peer, peer, peer, peer, timer, timer, wait, wait);
    }

    private static String done(GuidedDemoSteps steps, Step step) throws Exception {
        return steps.perform(step).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(GuidedDemoSteps steps, Step step) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> steps.perform(step)
                .toCompletableFuture().get(10, TimeUnit.SECONDS));
        return failed.getCause();
    }

    @Test
    void givenAPeerWithoutAModel_whenTheWholeWalkRuns_thenEachStepDoesItsActionAndSaysWhatHappened()
            throws Exception {
        // given a peer without a model of its own
        GuidedDemoSteps steps = steps(Duration.ofSeconds(5));
        // when the steps run in order, then each does what its explanation promises
        assertEquals("demo-peer-1 runs (process 100) with the digits [0, 1, 2, 3, 4]; its own model gets 97.5% of the"
                + " test digits right; demo-peer-2 runs (process 101) with the digits [5, 6, 7, 8, 9]; its own model"
                + " gets 97.5% of the test digits right", done(steps, Step.START_PEERS));
        assertEquals("This peer sees demo-peer-1 and demo-peer-2 through the broker", done(steps, Step.DISCOVER));
        assertEquals("This peer trained a model of its own first (90.0%). Borrowed 32 nodes from demo-peer-2 for 32"
                + " credits: this peer's accuracy on the digits [5, 6, 7, 8, 9] went from 0.0% to 90.0%",
                done(steps, Step.BORROW));
        String session = done(steps, Step.SESSION);
        assertTrue(session.matches("Session demo-[0-9a-f]{8} done: 3 rounds with 3 members; the global model"
                + " recognises 81\\.3% of this peer's test digits"), session);
        assertEquals("Sent an error signal (0.80, urgency 0.90, about mnist) to demo-peer-1", done(steps,
                Step.SIGNAL));
        assertEquals("The Dashboard: 2 peers, credit balance -32, 4 capsules sent and 3 opened, 0 messages refused",
                done(steps, Step.DASHBOARD));
        assertEquals("The demo peers have stopped; their folders are deleted.", done(steps, Step.FINISH));
        // and the services were asked in that order, the session with both demo peers and this one
        assertEquals(List.of("start demo-peer-1", "start demo-peer-2", "train own eligibility [64] 1",
                "borrow 32 [5, 6, 7, 8, 9] from d2d2d2d2d2d2d2d2", "session of 3 with this peer",
                "signal 0.8 to d1d1d1d1d1d1d1d1", "stopAll"), peer.calls);
        assertEquals(List.of(), peer.running());
    }

    @Test
    void givenDemoPeersRunningAlready_whenTheFirstStepRunsAgain_thenNoSecondCopyIsStarted() throws Exception {
        // given the demo's peers running from a first try
        GuidedDemoSteps steps = steps(Duration.ofSeconds(5));
        done(steps, Step.START_PEERS);
        // when the first step runs again, then it starts nothing more
        assertEquals("demo-peer-1 runs already; demo-peer-2 runs already", done(steps, Step.START_PEERS));
        assertEquals(2, peer.running().size());
    }

    @Test
    void givenLocalPeersThatCannotStart_whenTheFirstStepRuns_thenItFailsWithTheReason() {
        // given local peers that cannot start (no installed product)
        peer.startFailure = "Cannot start local peer demo-peer-1: local peers start from an installed product";
        // when the first step runs, then it fails with that reason
        Throwable failed = failure(steps(Duration.ofSeconds(5)), Step.START_PEERS);
        assertInstanceOf(PeerActionException.class, failed);
        assertEquals(peer.startFailure, failed.getMessage());
    }

    @Test
    void givenPeersThatNeverShowUp_whenDiscovering_thenItFailsAfterTheWaitNamingWhatIsSeen() throws Exception {
        // given demo peers that started but never reach the broker
        peer.visible = false;
        GuidedDemoSteps steps = steps(Duration.ofMillis(600));
        done(steps, Step.START_PEERS);
        // when discovering, then it fails after the wait, saying what this peer sees
        Throwable failed = failure(steps, Step.DISCOVER);
        assertEquals("the demo peers did not show up within 0 s; this peer sees []", failed.getMessage());
    }

    @Test
    void givenADemoPeerThatHasGone_whenBorrowingOrSignalling_thenItFailsSayingSo() throws Exception {
        // given demo peers that started and then went away
        GuidedDemoSteps steps = steps(Duration.ofSeconds(5));
        done(steps, Step.START_PEERS);
        peer.seen.clear();
        // when borrowing or signalling, then each fails, naming the peer gone and what to do
        for (Step step : List.of(Step.BORROW, Step.SIGNAL)) {
            Throwable failed = failure(steps, step);
            assertInstanceOf(PeerActionException.class, failed);
            assertTrue(failed.getMessage().startsWith("demo-peer-"), failed.getMessage());
            assertTrue(failed.getMessage().endsWith(" is not seen by this peer any more (its process ended?);"
                    + " Finish, then start the demo again"), failed.getMessage());
        }
    }
}

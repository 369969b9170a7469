package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.ui.model.GuidedDemo.State;
import org.neuromesh.ui.model.GuidedDemo.Step;

class GuidedDemoTest {

    @Test
    void givenANewDemo_whenEveryStepSucceeds_thenItWalksFromStartingThePeersToFinished() {
        // given a new demo: the first step explained, Next possible
        GuidedDemo demo = new GuidedDemo();
        assertEquals(Step.START_PEERS, demo.step());
        assertEquals("Step 1 of 7: Start two peers on this machine", demo.heading());
        assertTrue(demo.canGoNext());
        assertEquals("Next", demo.nextLabel());
        // when each step is started and succeeds
        for (Step step : Step.values()) {
            assertEquals(step, demo.started());
            assertFalse(demo.canGoNext(), "no Next while a step runs");
            assertEquals(step.title() + " ...", demo.status());
            demo.succeeded("done: " + step.name());
        }
        // then the demo is finished with one log line per step
        assertEquals(State.FINISHED, demo.state());
        assertEquals("Done: the demo peers have stopped", demo.heading());
        assertFalse(demo.canGoNext());
        assertEquals(7, demo.log().size());
        assertEquals("done: START_PEERS", demo.log().get(0));
    }

    @Test
    void givenTheLastStep_whenItIsExplained_thenNextSaysFinish() {
        // given a demo at its last step
        GuidedDemo demo = new GuidedDemo();
        for (int i = 0; i < Step.values().length - 1; i++) {
            demo.started();
            demo.succeeded("ok");
        }
        // then Next says Finish
        assertEquals(Step.FINISH, demo.step());
        assertEquals("Finish", demo.nextLabel());
    }

    @Test
    void givenAStepThatFails_whenNextIsPressedAgain_thenTheSameStepIsTriedAgain() {
        // given a demo whose first step failed
        GuidedDemo demo = new GuidedDemo();
        demo.started();
        demo.failed("no Equinox launcher");
        // then the reason is shown, Next tries again, and nothing is logged
        assertEquals(State.FAILED, demo.state());
        assertEquals("Start two peers on this machine failed: no Equinox launcher", demo.status());
        assertEquals("Try again", demo.nextLabel());
        assertEquals(List.of(), demo.log());
        // when it is tried again and succeeds, then the next step is explained and the problem is gone
        assertEquals(Step.START_PEERS, demo.started());
        demo.succeeded("two peers");
        assertEquals(Step.DISCOVER, demo.step());
        assertEquals("", demo.status());
    }

    @Test
    void givenAStepUnderWay_whenNextIsPressedOrNoStepRuns_thenTheModelRefuses() {
        // given a step under way
        GuidedDemo demo = new GuidedDemo();
        demo.started();
        // then a second start is refused, and an outcome without a running step too
        assertThrows(IllegalStateException.class, demo::started);
        demo.succeeded("ok");
        assertThrows(IllegalStateException.class, () -> demo.succeeded("again"));
        assertThrows(IllegalStateException.class, () -> demo.failed("late"));
    }

    @Test
    void givenTheSteps_thenEachExplainsItselfAndNamesAKnownViewOrNone() {
        List<String> views = List.of("", "org.neuromesh.ui.part.peers", "org.neuromesh.ui.part.session",
                "org.neuromesh.ui.part.network", "org.neuromesh.ui.part.dashboard");
        for (Step step : Step.values()) {
            assertTrue(step.explanation().length() > 80, step::name);
            assertTrue(views.contains(step.part()), step::name);
        }
    }
}

package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Help > Getting Started, without widgets. */
class GettingStartedTest {

    @Test
    void givenTheSteps_thenThePageNamesTheMenusOfTheFirstStepsInOrder() {
        String text = GettingStarted.text();

        List<String> inOrder = List.of("File > Open experiment...", "Run in the editor", "Learning view", "Runs view",
                "Network > Connect to a broker...", "Window > Network perspective", "Window > Preferences...");
        int at = -1;
        for (String phrase : inOrder) {
            int next = text.indexOf(phrase);
            assertTrue(next > at, () -> "'" + phrase + "' after the step before it in:\n" + text);
            at = next;
        }
    }

    @Test
    void givenTheText_thenEachStepIsItsHeadingLineThenItsParagraph() {
        String[] blocks = GettingStarted.text().split("\n\n");

        assertEquals(GettingStarted.STEPS.size(), blocks.length);
        assertEquals("1. Open an experiment", blocks[0].lines().findFirst().orElseThrow());
    }
}

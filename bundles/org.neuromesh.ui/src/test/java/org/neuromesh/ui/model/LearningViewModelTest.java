package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.TrainingResult;

/** The Learning view's texts, fed as a run's events would feed them. */
class LearningViewModelTest {

    private static final EpochResult FIRST = new EpochResult(1, 0.4321, 0.9012, 0.9123, 7.25, 8000,
            List.of(new LayerResult(1, 64, 0.2154, 0.0312, 0.412)), 64, "", false);

    @Test
    void givenARunWithOneEpochAndValidation_thenItsRowShowsLossAccuracyAndGatingPerLayer() {
        LearningViewModel model = new LearningViewModel();
        assertEquals(LearningViewModel.IDLE, model.progress());
        model.started("784-64-10 MNIST with rule 'eligibility'");
        model.batches(1, 30, 78, 0.5);
        assertEquals("Epoch 1: batch 30 of 78, loss 0.5000", model.progress());
        model.epochEnded(FIRST);
        model.ended(new TrainingResult(List.of(FIRST), 0.9123, false, false, ""));
        assertEquals(List.of("Epoch", "Loss", "Train", "Validation", "Seconds", "L1 releases", "L1 threshold",
                "L1 forced"), model.columns());
        assertEquals(List.of(List.of("1", "0.4321", "90.12%", "91.23%", "7.3", "21.54%", "0.412", "3.12%")),
                model.rows());
        assertEquals("Done: validation accuracy 91.23% after 1 epochs", model.progress());
    }

    @Test
    void givenARunStoppedBecauseItsRuleWentAway_thenTheProgressLineSaysWhy() {
        LearningViewModel model = new LearningViewModel();
        model.started("run");
        model.ended(new TrainingResult(List.of(), Double.NaN, false, true, "the learning rule 'x' was removed"));
        assertEquals("Stopped: the learning rule 'x' was removed", model.progress());
        model.started("again");
        assertEquals(List.of(), model.rows());
    }
}

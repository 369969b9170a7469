package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.gating.GatingVariant;
import org.neuromesh.engine.network.Augmentation;
import org.neuromesh.engine.network.LearningRateSchedule;

class PlanSettingsTest {

    private static TrainingPlan plan(String dataset, String augment, String normalise, String gating,
            int validation, RunOptions options) {
        return new TrainingPlan(dataset, "", List.of(8), 1, 8, 1, augment, normalise, "constant", gating,
                validation, 0, null).withOptions(options);
    }

    @Test
    void givenAPlanOfKnownNames_whenRead_thenEachIsTheEnginesValue() {
        // given Fashion-MNIST delayed by 3 steps, shifted by up to 3 pixels, no timer, with a cosine schedule
        TrainingPlan plan = new TrainingPlan("Fashion-MNIST", "", List.of(8), 1, 8, 1, "shift:3", "none", "cosine",
                "no-timer", 0, 0, null).withOptions(RunOptions.defaults().withTask("delayed", 3));
        // when read
        PlanSettings settings = PlanSettings.of(plan);
        // then each name is the engine's
        assertEquals(Dataset.FASHION_MNIST, settings.dataset());
        assertEquals(new Augmentation(3, false), settings.augmentation());
        assertEquals(LearningRateSchedule.COSINE, settings.schedule());
        assertEquals(GatingVariant.NO_TIMER, settings.variant());
        assertEquals("delayed", settings.task());
    }

    @Test
    void givenUnknownNames_whenRead_thenTheMessageNamesThePlansComponentAndTheKnownValues() {
        assertMessage("gating: unknown gating 'tanh'; known: paper, fixed-threshold, no-timer, relu",
                plan("mnist", "none", "none", "tanh", 0, RunOptions.defaults()));
        assertMessage("augment: augmentation must be one of none, flip, shift[:N], shift-flip[:N]; got 'rotate'",
                plan("mnist", "rotate", "none", "paper", 0, RunOptions.defaults()));
        assertMessage("augment: the shift in 'shift:0' must be 1..8 pixels, got 0",
                plan("mnist", "shift:0", "none", "paper", 0, RunOptions.defaults()));
        assertMessage("dataset: Unknown data set 'cifar'; known data sets: mnist, fashion-mnist",
                plan("cifar", "none", "none", "paper", 0, RunOptions.defaults()));
        assertMessage("task: must be static, delayed or rows, not 'video'",
                plan("mnist", "none", "none", "paper", 0, RunOptions.defaults().withTask("video", 5)));
        assertMessage("normalise: must be none or standard, not 'whiten'",
                plan("mnist", "none", "whiten", "paper", 0, RunOptions.defaults()));
    }

    @Test
    void givenOptionsThatNeedWholeImages_whenTheTaskIsNotStatic_thenTheyAreRefused() {
        assertMessage("augment: shift works on whole images, not with task rows",
                plan("mnist", "shift", "none", "paper", 0, RunOptions.defaults().withTask("rows", 5)));
        assertMessage("validation and normalise standard need whole images (task static), not task delayed",
                plan("mnist", "none", "none", "paper", 100, RunOptions.defaults().withTask("delayed", 5)));
        assertMessage("normalise: applies to a new network; the one loaded from old.nmc keeps the normalisation it "
                + "was trained with", plan("mnist", "none", "standard", "paper", 0,
                        RunOptions.defaults().withLoad(Path.of("old.nmc"))));
    }

    private static void assertMessage(String expected, TrainingPlan plan) {
        var error = assertThrows(IllegalArgumentException.class, () -> PlanSettings.of(plan));
        assertEquals(expected, error.getMessage());
    }
}

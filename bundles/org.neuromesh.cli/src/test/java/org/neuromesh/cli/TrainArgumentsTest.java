package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TopologySettings;
import org.neuromesh.api.training.TrainingPlan;

class TrainArgumentsTest {

    @Test
    void noOptionsGiveTheDocumentedDefaults() {
        // when parsing nothing
        TrainingPlan plan = TrainArguments.parse().plan();
        // then MNIST, the default rule, 10 epochs, one hidden layer of 1024, batch 128, static task
        assertEquals("mnist", plan.dataset());
        assertEquals("", plan.rule());
        assertEquals(10, plan.epochs());
        assertEquals(List.of(1024), plan.hidden());
        assertEquals(128, plan.batch());
        assertEquals(1, plan.seed());
        assertEquals("static", plan.options().task());
        assertNull(plan.checkpoint());
        assertNull(plan.options().load());
        assertEquals("none", plan.augment());
        assertEquals("constant", plan.schedule());
        assertEquals("none", plan.normalise());
        assertEquals(Map.of(), plan.ruleSettings());
        assertEquals(0, plan.trainingSamples());
        // and every core, and inference timed at the end
        assertEquals(Runtime.getRuntime().availableProcessors(), plan.options().threads());
        assertTrue(plan.options().measureInference());
        assertFalse(TrainArguments.parse().result());
    }

    @Test
    void theGatingDefaultsAreTheServicesWithEveryMechanismOn() {
        TrainingPlan plan = TrainArguments.parse().plan();
        assertEquals("paper", plan.gating());
        assertEquals(GatingSettings.unset(), plan.options().gating());
        assertEquals(0.9f, plan.options().traceDecay());
        assertEquals(5, plan.options().delay());
        assertEquals(0, plan.validation());
    }

    @Test
    void gatingOptionsReplaceTheirDefaultAndAVariantIsPassedOn() {
        // when each parameter is given, then it replaces its default
        RunOptions options = TrainArguments.parse("--threshold", "0.2", "--time-to-release", "4", "--eta-d",
                "0.003", "--eta-t", "0.5", "--alpha", "0.01", "--trace-decay", "0.5").plan().options();
        assertEquals(new GatingSettings(0.2f, 4f, 0.003f, 0.5f, 0.01f), options.gating());
        assertEquals(0.5f, options.traceDecay());
        // and the timer can be switched off by name
        assertFalse(TrainArguments.parse("--time-to-release", "off").plan().options().gating().hasTimer());
        // when a variant is asked for, then the plan names it (the service applies it, and refuses unknown ones)
        TrainingPlan fixed = TrainArguments.parse("--gating", "fixed-threshold", "--threshold", "0.3").plan();
        assertEquals("fixed-threshold", fixed.gating());
        assertEquals(0.3f, fixed.options().gating().threshold());
        assertTrue(Float.isNaN(fixed.options().gating().etaD()));
        assertMessage("--time-to-release must be a finite number >= 1.0, got 0.5", "--time-to-release", "0.5");
        assertMessage("--alpha needs a number, got 'lots'", "--alpha", "lots");
    }

    @Test
    void aValidationSetIsHeldOutOfWholeImagesOnly() {
        assertEquals(10000, TrainArguments.parse("--validation", "10000").plan().validation());
        assertMessage("--validation must be 0 or more, got -1", "--validation", "-1");
        assertMessage("--validation holds out whole images (--task static), not with --task delayed",
                "--validation", "100", "--task", "delayed");
    }

    @Test
    void standardisationIsForNewNetworksOnWholeImages() {
        assertEquals("standard", TrainArguments.parse("--normalise", "standard").plan().normalise());
        assertMessage("--normalise must be one of none, standard; got 'minmax'", "--normalise", "minmax");
        assertMessage("--normalise standard works on whole images (--task static), not with --task rows",
                "--normalise", "standard", "--task", "rows");
        assertMessage("--normalise applies to a new network; the one loaded from old.nmc keeps the normalisation it "
                + "was trained with", "--normalise", "standard", "--load", "old.nmc");
    }

    @Test
    void augmentationAndScheduleAreRead() {
        TrainingPlan plan = TrainArguments.parse("--augment", "shift-flip", "--schedule", "cosine").plan();
        assertEquals("shift-flip", plan.augment());
        assertEquals("cosine", plan.schedule());
        assertEquals("shift:1", TrainArguments.parse("--augment", "shift:1").plan().augment());
    }

    @Test
    void everyOptionIsRead() {
        // when parsing a full command line
        TrainArguments args = TrainArguments.parse("--dataset", "fashion-mnist", "--rule", "forward-forward",
                "--epochs", "3", "--hidden", "512,128", "--task", "delayed", "--delay", "4", "--trace-decay", "0",
                "--batch", "64", "--seed", "7", "--threads", "1", "--split", "8", "--prune", "0.2", "--prune-from",
                "2", "--duplicate", "5", "--save", "out.nmc", "--load", "in.nmc", "--result");
        // then each value arrives, and growth room defaults to the widest layer plus all splits
        TrainingPlan plan = args.plan();
        assertEquals("fashion-mnist", plan.dataset());
        assertEquals("forward-forward", plan.rule());
        assertEquals(3, plan.epochs());
        assertEquals(List.of(512, 128), plan.hidden());
        assertEquals(64, plan.batch());
        assertEquals(7, plan.seed());
        assertEquals(Path.of("out.nmc"), plan.checkpoint());
        RunOptions options = plan.options();
        assertEquals("delayed", options.task());
        assertEquals(4, options.delay());
        assertEquals(0f, options.traceDecay());
        assertEquals(1, options.threads());
        TopologySettings topology = options.topology();
        assertEquals(8, topology.split());
        assertEquals(512 + 8 * 3, topology.maxNodes());
        assertEquals(0.2, topology.prune(), 1e-6);
        assertEquals(2, topology.pruneFrom());
        assertEquals(5, topology.duplicate());
        assertEquals(Path.of("in.nmc"), options.load());
        assertTrue(args.result());
        // and a growth limit given is kept
        assertEquals(600, TrainArguments.parse("--max-nodes", "600").plan().options().topology().maxNodes());
    }

    @Test
    void mistakesAreNamedWithTheOption() {
        assertMessage("--epochs needs a whole number, got 'ten'", "--epochs", "ten");
        assertMessage("--epochs must be at least 1, got 0", "--epochs", "0");
        assertMessage("--seed needs a whole number, got '1.5'", "--seed", "1.5");
        assertMessage("--hidden must be at least 1, got 0", "--hidden", "64,0");
        assertMessage("--prune must be in [0, 1), got 1.5", "--prune", "1.5");
        assertMessage("--task must be one of static, delayed, rows; got 'video'", "--task", "video");
        assertMessage("unknown option --colour", "--colour", "red");
        assertMessage("--schedule must be one of constant, cosine; got 'step'", "--schedule", "step");
        assertMessage("--augment shift works on whole images, not with --task rows", "--augment", "shift", "--task",
                "rows");
        assertMessage("--save needs a value", "--save");
        assertMessage("unexpected argument 'mnist'", "mnist");
    }

    @Test
    void theUsageShowsTheGatingDefaultsItIsGiven() {
        // when the usage is shown with the service's gating defaults
        String usage = TrainArguments.usage(new GatingSettings(0.01f, 10f, 0.001f, 0.01f, 0.001f));
        // then it names them as the header of a run does, and every option
        assertTrue(usage.contains("in [0, 1], gating d0 0.01, timeToRelease 10.0, eta_d 0.001, eta_t 0.01, alpha "
                + "0.001."), usage);
        assertTrue(usage.startsWith("usage: train [--dataset mnist|fashion-mnist] [--rule NAME]"), usage);
        assertTrue(TrainArguments.usage(new GatingSettings(0f, Float.POSITIVE_INFINITY, 0f, 0f, 0f))
                .contains("gating d0 0.0, timeToRelease off,"));
    }

    private static void assertMessage(String expected, String... args) {
        var error = assertThrows(IllegalArgumentException.class, () -> TrainArguments.parse(args));
        assertEquals(expected, error.getMessage());
    }

    @Test
    void theProgressBarShowsEpochShareLossAndSpeed() {
        // when rendering half an epoch after 2 seconds
        String bar = ProgressBar.render(2, 10, 30000, 60000, 0.25, 2.0);
        // then it reads as expected
        assertEquals("epoch 2/10 [###############...............]  50% 30000/60000 loss 0.2500 15000 samples/s",
                bar);
    }
}

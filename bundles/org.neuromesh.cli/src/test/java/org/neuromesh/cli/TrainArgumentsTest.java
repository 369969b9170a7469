package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.gating.GatingVariant;
import org.neuromesh.engine.network.Augmentation;
import org.neuromesh.engine.network.LearningRateSchedule;

class TrainArgumentsTest {

    @Test
    void noOptionsGiveTheDocumentedDefaults() {
        // when parsing nothing
        TrainArguments args = TrainArguments.parse();
        // then MNIST, the default rule, 10 epochs, one hidden layer of 1024, batch 128, static task
        assertEquals(Dataset.MNIST, args.dataset());
        assertNull(args.rule());
        assertEquals(10, args.epochs());
        assertArrayEquals(new int[] { 1024 }, args.hidden());
        assertEquals(128, args.batch());
        assertEquals("static", args.task());
        assertNull(args.save());
        assertEquals(Augmentation.NONE, args.augment());
        assertEquals(LearningRateSchedule.CONSTANT, args.schedule());
        assertEquals("none", args.normalise());
    }

    @Test
    void theGatingDefaultsAreTheEnginesWithEveryMechanismOn() {
        TrainArguments args = TrainArguments.parse();
        assertEquals(GatingVariant.PAPER, args.gatingVariant());
        assertEquals(GatingParameters.defaults(), args.gating());
        assertEquals(0, args.validation());
    }

    @Test
    void gatingOptionsChangeTheDefaultsAndAVariantSwitchesItsPartOff() {
        // when each parameter is given, then it replaces its default
        GatingParameters gating = TrainArguments.parse("--threshold", "0.2", "--time-to-release", "4", "--eta-d",
                "0.003", "--eta-t", "0.5", "--alpha", "0.01", "--trace-decay", "0.5").gating();
        assertEquals(new GatingParameters(0.2f, 4f, 0.003f, 0.5f, 0.01f, 0.5f), gating);
        // and the timer can be switched off by name
        assertEquals(false, TrainArguments.parse("--time-to-release", "off").gating().hasTimer());
        // when a variant is asked for, then it applies to the parameters as given
        TrainArguments fixed = TrainArguments.parse("--gating", "fixed-threshold", "--threshold", "0.3");
        assertEquals(GatingVariant.FIXED_THRESHOLD, fixed.gatingVariant());
        assertEquals(0.3f, fixed.gating().initialThreshold());
        assertEquals(0f, fixed.gating().etaD0());
        assertEquals(GatingVariant.RELU.apply(GatingParameters.defaults()),
                TrainArguments.parse("--gating", "relu").gating());
        assertMessage("--gating: unknown gating 'tanh'; known: paper, fixed-threshold, no-timer, relu", "--gating",
                "tanh");
        assertMessage("--time-to-release must be a finite number >= 1.0, got 0.5", "--time-to-release", "0.5");
    }

    @Test
    void aValidationSetIsHeldOutOfWholeImagesOnly() {
        assertEquals(10000, TrainArguments.parse("--validation", "10000").validation());
        assertMessage("--validation must be 0 or more, got -1", "--validation", "-1");
        assertMessage("--validation holds out whole images (--task static), not with --task delayed",
                "--validation", "100", "--task", "delayed");
    }

    @Test
    void standardisationIsForNewNetworksOnWholeImages() {
        assertEquals("standard", TrainArguments.parse("--normalise", "standard").normalise());
        assertMessage("--normalise must be one of none, standard; got 'minmax'", "--normalise", "minmax");
        assertMessage("--normalise standard works on whole images (--task static), not with --task rows",
                "--normalise", "standard", "--task", "rows");
        assertMessage("--normalise applies to a new network; the one loaded from old.nmc keeps the normalisation it "
                + "was trained with", "--normalise", "standard", "--load", "old.nmc");
    }

    @Test
    void augmentationAndScheduleAreRead() {
        TrainArguments args = TrainArguments.parse("--augment", "shift-flip", "--schedule", "cosine");
        assertEquals(new Augmentation(2, true), args.augment());
        assertEquals(LearningRateSchedule.COSINE, args.schedule());
        assertEquals(new Augmentation(2, false), TrainArguments.parse("--augment", "shift").augment());
        assertEquals(new Augmentation(1, false), TrainArguments.parse("--augment", "shift:1").augment());
    }

    @Test
    void everyOptionIsRead() {
        // when parsing a full command line
        TrainArguments args = TrainArguments.parse("--dataset", "fashion-mnist", "--rule", "forward-forward",
                "--epochs", "3", "--hidden", "512,128", "--task", "delayed", "--delay", "4", "--trace-decay", "0",
                "--split", "8", "--prune", "0.2", "--save", "out.nmc", "--result");
        // then each value arrives, and growth room defaults to the widest layer plus all splits
        assertEquals(Dataset.FASHION_MNIST, args.dataset());
        assertEquals("forward-forward", args.rule());
        assertArrayEquals(new int[] { 512, 128 }, args.hidden());
        assertEquals("delayed", args.task());
        assertEquals(4, args.delay());
        assertEquals(0f, args.traceDecay());
        assertEquals(512 + 8 * 3, args.maxNodes());
        assertEquals(0.2, args.prune(), 1e-6);
        assertEquals(Path.of("out.nmc"), args.save());
        assertTrue(args.result());
    }

    @Test
    void mistakesAreNamedWithTheOption() {
        assertMessage("--epochs needs a whole number, got 'ten'", "--epochs", "ten");
        assertMessage("--epochs must be at least 1, got 0", "--epochs", "0");
        assertMessage("--prune must be in [0, 1), got 1.5", "--prune", "1.5");
        assertMessage("--task must be one of static, delayed, rows; got 'video'", "--task", "video");
        assertMessage("unknown option --colour", "--colour", "red");
        assertMessage("--augment: augmentation must be one of none, flip, shift[:N], shift-flip[:N]; got 'rotate'",
                "--augment", "rotate");
        assertMessage("--augment: the shift in 'shift:0' must be 1..8 pixels, got 0", "--augment", "shift:0");
        assertMessage("--schedule must be one of constant, cosine; got 'step'", "--schedule", "step");
        assertMessage("--augment shift works on whole images, not with --task rows", "--augment", "shift", "--task",
                "rows");
        assertMessage("--save needs a value", "--save");
        assertMessage("unexpected argument 'mnist'", "mnist");
        var unknownSet = assertThrows(IllegalArgumentException.class, () -> TrainArguments.parse("--dataset", "cifar"));
        assertTrue(unknownSet.getMessage().contains("cifar"), unknownSet.getMessage());
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

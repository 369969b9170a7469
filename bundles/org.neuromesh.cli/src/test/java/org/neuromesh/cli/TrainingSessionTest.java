package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.EpochReport;

/** Runs real trainings on the real MNIST (fetched by the engine's build), with a small delta rule. */
class TrainingSessionTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** W += 0.05 * mean_b((modulation * eligibility)^T pre): a three-factor rule small enough for a test. */
    private static final LearningRule DELTA = new LearningRule() {
        @Override
        public RuleInfo info() {
            return new RuleInfo("test-delta", "test delta rule", true, "test", true);
        }

        @Override
        public RuleState begin(NetworkShape shape, long seed) {
            float[] gate = new float[128 * 64];
            return step -> {
                for (int l = 0; l < step.layerCount(); l++) {
                    LayerSignals s = step.layer(l);
                    for (int k = 0; k < step.batchSize() * s.nodeCount(); k++) {
                        gate[k] = s.modulation()[k] * s.eligibility()[k];
                    }
                    step.math().multiplyTransposedA(s.nodeCount(), s.inputCount(), step.batchSize(),
                            0.05f / step.batchSize(), gate, s.pre(), s.weights(), 1f);
                }
            };
        }
    };

    private TrainingOutcome train(String... args) throws Exception {
        int[] batches = { 0 };
        return new TrainingSession(TrainArguments.parse(args), DELTA, out).run(() -> ++batches[0] > 100);
    }

    private static double testAccuracy(TrainingOutcome outcome) {
        return outcome.test().orElseThrow().accuracy();
    }

    @Test
    void aStoppedTrainingSavesItsCheckpointAndAnotherContinuesFromIt() throws Exception {
        // given a checkpoint path
        Path checkpoint = folder.resolve("small.nmc");
        // when a 784-32-10 training is stopped after 100 batches
        TrainingOutcome outcome = train("--hidden", "32", "--epochs", "2", "--save", checkpoint.toString(),
                "--result");
        List<EpochReport> reports = outcome.epochs();
        // then one partial epoch ran, it was reported and saved, and it already learned something
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).training().stopped());
        assertTrue(testAccuracy(outcome) > 0.5, "accuracy " + testAccuracy(outcome));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("(stopped)") && text.contains("saved " + checkpoint), text);
        assertTrue(text.contains("RESULT {\"framework\":\"neuromesh\",\"rule\":\"test-delta\""), text);
        assertEquals(NetworkShape.of(784, 32, 10), ClusterFile.read(checkpoint).shape());
        // and when training continues from it, it starts from there
        TrainingOutcome more = train("--load", checkpoint.toString(), "--epochs", "1");
        assertTrue(testAccuracy(more) >= testAccuracy(outcome) - 0.05, "continued at " + testAccuracy(more));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("continuing from " + checkpoint));
    }

    @Test
    void anAugmentedRunWithACosineScheduleLearnsAndSaysSo() throws Exception {
        // when a small training runs with shifted images and a cosine schedule (stopped after 100 batches)
        TrainingOutcome outcome = train("--hidden", "32", "--epochs", "1", "--augment", "shift", "--schedule",
                "cosine", "--result");
        // then it learned from the shifted images, and the header and RESULT line name both options
        assertTrue(testAccuracy(outcome) > 0.5, "accuracy " + testAccuracy(outcome));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("; augmented: shift; cosine learning-rate schedule"), text);
        assertTrue(text.contains("\"augment\":\"shift\",\"schedule\":\"cosine\""), text);
    }

    @Test
    void aStandardisingNetworkLearnsAndKeepsItsNormalisationInItsCheckpoint() throws Exception {
        // given a checkpoint path
        Path checkpoint = folder.resolve("standard.nmc");
        // when a small training standardises its input (stopped after 100 batches)
        TrainingOutcome outcome = train("--hidden", "32", "--epochs", "1", "--normalise", "standard", "--save",
                checkpoint.toString(), "--result");
        // then it learned, says so in its header and RESULT line, and the checkpoint normalises as training did
        assertTrue(testAccuracy(outcome) > 0.5, "accuracy " + testAccuracy(outcome));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("; input standardised over 784 inputs"), text);
        assertTrue(text.contains("\"normalise\":\"standard\""), text);
        assertFalse(ClusterFile.read(checkpoint).inputNormalization().isIdentity());
    }

    @Test
    void aValidationRunHoldsImagesOutAndNeverTouchesTheTestSet() throws Exception {
        // when a small training holds 5,000 images out (stopped after 100 batches)
        TrainingOutcome outcome = train("--hidden", "32", "--epochs", "2", "--validation", "5000", "--result");
        // then it trained on the other 55,000, reported validation accuracy, and evaluated no test set
        assertTrue(outcome.test().isEmpty());
        double validation = outcome.epochs().get(0).validationAccuracy();
        assertTrue(validation > 0.5, "validation accuracy " + validation);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(": 55000 train, 5000 validation (held out of the training set; the test set is not "
                + "touched)"), text);
        assertTrue(text.contains("validation accuracy ") && !text.contains("test accuracy"), text);
        assertTrue(text.contains("\"evaluated_on\":\"validation\",\"test_accuracy\":null,\"validation_accuracy\":"),
                text);
    }

    @Test
    void theSummaryReportsEachLayersActivityAndTheSpeedOfSkippingSilentNodes() throws Exception {
        // when a two-layer network trains briefly with the default gating
        train("--hidden", "64,32", "--epochs", "1", "--result");
        // then each layer's releases are printed per epoch and at inference, and inference is timed both ways
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("releases  L0 ") && text.contains("  L1 "), text);
        assertTrue(text.contains("layer 0 at inference: ") && text.contains("layer 1 at inference: "), text);
        assertTrue(text.contains("samples/s dense, ") && text.contains("samples/s skipping silent nodes"), text);
        assertTrue(text.contains("\"layers\":[{\"layer\":0,\"nodes\":64,"), text);
        assertTrue(text.contains("\"gating\":\"paper\""), text);
    }

    @Test
    void aMissingDataSetNamesTheScriptThatFetchesIt() {
        // given the Fashion-MNIST folder pointed somewhere empty
        String property = Dataset.FASHION_MNIST.directoryProperty();
        String before = System.getProperty(property);
        System.setProperty(property, folder.toString());
        try {
            // when training on it, then the error says what to run
            var error = assertThrows(FileNotFoundException.class, () -> train("--dataset", "fashion-mnist"));
            assertTrue(error.getMessage().contains("fetch-fashion-mnist.sh"), error.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefused() throws Exception {
        // given a checkpoint of a network for 28 inputs (the row task)
        Path rows = folder.resolve("rows.nmc");
        train("--task", "rows", "--hidden", "8", "--epochs", "1", "--save", rows.toString());
        // when a static training loads it, then the error names both sizes
        var error = assertThrows(IllegalArgumentException.class, () -> train("--load", rows.toString()));
        assertTrue(error.getMessage().contains("28-8-10") && error.getMessage().contains("784"), error.getMessage());
    }
}

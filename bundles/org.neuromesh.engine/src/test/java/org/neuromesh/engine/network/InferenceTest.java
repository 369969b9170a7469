package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

class InferenceTest {

    /** High thresholds from the start: most nodes stay silent, so the products take the sparse path. */
    private static final GatingParameters SPARSE = new GatingParameters(1.0f, 8f, 0.001f, 0f, 0.001f, 0.9f);

    private final MatrixKernels kernels = Kernels.create(2);

    @AfterEach
    void close() {
        kernels.close();
    }

    private GatingNetwork trained() {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 200, 120, 2), SPARSE, 5);
        Trainer trainer = new Trainer(network, NetworkTrainingTest.deltaRule(0.05f), kernels,
                TrainingOptions.defaults().withBatchSize(32));
        SampleSet train = ImageSamples.whole(NetworkTrainingTest.halves(3000, 1), 2);
        for (int epoch = 0; epoch < 3; epoch++) {
            trainer.trainEpoch(train, Trainer.Progress.NONE, () -> false);
        }
        return network;
    }

    @Test
    void skippingSilentNodesGivesTheSameClassificationsAndActivityAsDenseProducts() {
        // given a trained network whose hidden layers are mostly silent
        GatingNetwork network = trained();
        SampleSet test = ImageSamples.whole(NetworkTrainingTest.halves(1000, 2), 2);
        Inference dense = new Inference(network, kernels, 64, false);
        Inference skipping = new Inference(network, kernels, 64, true);
        // when the test samples are classified both ways
        Evaluation byDense = dense.evaluate(test);
        Evaluation bySkipping = skipping.evaluate(test);
        // then the skipping pass skipped in the second layer of every batch (the readout is too narrow to gain),
        // and the dense pass never did
        assertEquals(0, dense.productCounts()[0]);
        assertEquals(16, skipping.productCounts()[0]);
        assertTrue(bySkipping.layers().get(0).releaseRate() < Inference.SPARSE_BELOW,
                "layer 0 releases " + bySkipping.layers().get(0).releaseRate());
        // and both found the same: the same samples right, the same releases in every layer
        assertEquals(byDense.correct(), bySkipping.correct());
        assertTrue(byDense.accuracy() > 0.9, "accuracy " + byDense.accuracy());
        assertEquals(byDense.layers(), bySkipping.layers());
    }

    @Test
    void theShareOfNonZerosIsJudgedOnASampleThatSeesEveryColumnOfAnImage() {
        // given batches of 784-value rows, non-zero in the first 20% of their columns, or in the first 40%
        int rows = 128;
        int width = 784;
        float[] fifth = new float[rows * width];
        float[] twoFifths = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                fifth[r * width + c] = c < 0.2 * width ? 1f : 0f;
                twoFifths[r * width + c] = c < 0.4 * width ? 1f : 0f;
            }
        }
        // then the first is mostly zero (under the 30% that takes the sparse path) and the second is not
        assertTrue(Inference.mostlyZero(fifth, fifth.length));
        assertFalse(Inference.mostlyZero(twoFifths, twoFifths.length));
        // and a batch of one value is judged on that value
        assertTrue(Inference.mostlyZero(new float[] { 0f }, 1));
        assertFalse(Inference.mostlyZero(new float[] { 2f }, 1));
    }

    @Test
    void anEvaluationChangesNoNodeStateAndCountsNodesThatNeverReleased() {
        // given a trained network
        GatingNetwork network = trained();
        float[] thresholds = network.layer(0).thresholds();
        int[] timers = network.layer(0).silentSamples.clone();
        // when it classifies samples
        Evaluation evaluation = new Inference(network, kernels, 64, true)
                .evaluate(ImageSamples.whole(NetworkTrainingTest.halves(500, 3), 2));
        // then thresholds and timers are as they were, and the activity adds up
        assertArrayEquals(thresholds, network.layer(0).thresholds());
        assertArrayEquals(timers, network.layer(0).silentSamples);
        LayerActivity first = evaluation.layers().get(0);
        assertEquals(500L * 200, first.evaluations());
        assertEquals(0, first.forced());
        assertTrue(first.silentNodes() > 0 && first.silentNodes() < 200, "silent nodes " + first.silentNodes());
        assertEquals(2, evaluation.layers().size());
    }

    @Test
    void sequencesAreRefusedWithTheReason() {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(4, 3, 10), SPARSE, 1);
        SampleSet rows = ImageSamples.rowByRow(NetworkTrainingTest.halves(10, 1), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Inference(network, kernels, 8, true).evaluate(rows));
        assertEquals("inference here takes static samples; these are sequences of 2 steps", e.getMessage());
    }
}

package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

/** The network, propagation and trainer together, driven by a minimal delta rule written here. */
class NetworkTrainingTest {

    static final GatingParameters GATING = new GatingParameters(0.01f, 8f, 0.001f, 0f, 0.001f, 0.9f);

    private final MatrixKernels kernels = Kernels.create(2);

    @AfterEach
    void close() {
        kernels.close();
    }

    /** Three-factor delta rule: W += rate * mean_b((modulation * eligibility)^T pre); enough to learn. */
    static RuleState deltaRule(float rate) {
        return step -> {
            for (int l = 0; l < step.layerCount(); l++) {
                LayerSignals s = step.layer(l);
                float[] gate = s.modulation().clone(); // test code: allocation is fine here
                for (int k = 0; k < step.batchSize() * s.nodeCount(); k++) {
                    gate[k] *= s.eligibility()[k];
                }
                step.math().multiplyTransposedA(s.nodeCount(), s.inputCount(), step.batchSize(),
                        rate / step.batchSize(), gate, s.pre(), s.weights(), 1f);
            }
        };
    }

    /** Two classes told apart by which half of 8 inputs is bright; noisy. */
    static LabelledImages halves(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 8];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            labels[i] = (byte) label;
            for (int p = 0; p < 8; p++) {
                boolean bright = (p < 4) == (label == 0);
                pixels[i * 8 + p] = (float) Math.min(1, Math.max(0, (bright ? 0.7 : 0.2) + 0.2 * random.nextGaussian()));
            }
        }
        return new LabelledImages(count, 2, 4, pixels, labels);
    }

    @Test
    void aNetworkLearnsASimpleTaskFromTheErrorDeliveredForward() {
        // given a fresh 8-16-2 network, chance-level on a two-class task
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 16, 2), GATING, 3);
        Trainer trainer = new Trainer(network, deltaRule(0.2f), kernels, TrainingOptions.defaults().withBatchSize(16));
        SampleSet train = ImageSamples.whole(halves(2000, 1), 2);
        SampleSet test = ImageSamples.whole(halves(500, 2), 2);
        // when it trains for three epochs
        EpochStats last = null;
        for (int e = 0; e < 3; e++) {
            last = trainer.trainEpoch(train, Trainer.Progress.NONE, () -> false);
        }
        // then it classifies held-out samples well and its nodes released
        double accuracy = trainer.evaluate(test);
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        assertEquals(2000, last.samples());
        assertTrue(last.releaseRate() > 0 && last.releaseRate() < 1, "release rate " + last.releaseRate());
    }

    @Test
    void anEpochReportsEachHiddenLayersReleasesAndHowManyTheTimerForced() {
        // given a network with two hidden layers and thresholds that start high, so the timers must force releases
        GatingParameters high = new GatingParameters(2f, 4f, 0.01f, 0.1f, 0.001f, 0.9f);
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 16, 12, 2), high, 3);
        Trainer trainer = new Trainer(network, deltaRule(0.2f), kernels, TrainingOptions.defaults().withBatchSize(16));
        // when it trains for an epoch of 2,000 samples
        EpochStats stats = trainer.trainEpoch(ImageSamples.whole(halves(2000, 1), 2), Trainer.Progress.NONE,
                () -> false);
        // then each hidden layer counted its 2,000 x nodes evaluations, its releases and the forced ones among them
        assertEquals(2, stats.layers().size());
        for (LayerActivity layer : stats.layers()) {
            assertEquals(2000L * layer.nodes(), layer.evaluations());
            assertTrue(layer.forced() > 0 && layer.forced() <= layer.released(), layer.toString());
            assertTrue(layer.releaseRate() < 0.5, layer.toString());
            assertEquals(network.layer(layer.layer()).meanThreshold(), layer.meanThreshold(), 1e-9);
        }
        assertEquals(List.of(16, 12), stats.layers().stream().map(LayerActivity::nodes).toList());
        // and the next epoch counts afresh
        EpochStats next = trainer.trainEpoch(ImageSamples.whole(halves(500, 2), 2), Trainer.Progress.NONE,
                () -> false);
        assertEquals(500L * 16, next.layers().get(0).evaluations());
    }

    @Test
    void anErrorGainScalesWhatABatchTeaches() {
        // given two identical networks, one trained with its output error doubled (as by a peer's error signal)
        SampleSet batch = ImageSamples.whole(halves(16, 4), 2);
        GatingNetwork plain = GatingNetwork.create(NetworkShape.of(8, 16, 2), GATING, 3);
        GatingNetwork modulated = GatingNetwork.create(NetworkShape.of(8, 16, 2), GATING, 3);
        float[] before = plain.layer(1).weights.clone();
        TrainingOptions oneBatch = TrainingOptions.defaults().withBatchSize(16);
        Trainer doubled = new Trainer(modulated, deltaRule(0.2f), kernels, oneBatch);
        doubled.modulateErrorBy(() -> 2.0);
        // when each learns from the same single batch
        new Trainer(plain, deltaRule(0.2f), kernels, oneBatch).trainEpoch(batch, Trainer.Progress.NONE, () -> false);
        doubled.trainEpoch(batch, Trainer.Progress.NONE, () -> false);
        // then every readout weight moved twice as far
        for (int i = 0; i < before.length; i++) {
            float step = plain.layer(1).weights[i] - before[i];
            assertEquals(2 * step, modulated.layer(1).weights[i] - before[i], 1e-5f + Math.abs(step) * 1e-3f);
        }
        assertTrue(plain.layer(1).weights[0] != before[0] || plain.layer(1).weights[1] != before[1]);
        // and a gain that is not a gain is refused
        Trainer broken = new Trainer(plain, deltaRule(0.2f), kernels, oneBatch);
        broken.modulateErrorBy(() -> Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> broken.trainEpoch(batch, Trainer.Progress.NONE,
                () -> false));
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndTheSameTraining() {
        // given two networks and trainers built from the same seeds
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 16, 2), GATING, 7);
            Trainer trainer = new Trainer(network, deltaRule(0.1f), kernels, TrainingOptions.defaults().withBatchSize(32));
            // when each trains one epoch on the same data
            trainer.trainEpoch(ImageSamples.whole(halves(500, 1), 2), Trainer.Progress.NONE, () -> false);
            weights[run] = network.layer(0).weights();
        }
        // then they end bit-identical
        assertArrayEquals(weights[0], weights[1]);
    }

    @Test
    void aStopRequestEndsTheEpochAfterTheCurrentBatch() {
        // given a trainer and a stop that turns true after the second check
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 4, 2), GATING, 1);
        Trainer trainer = new Trainer(network, deltaRule(0.1f), kernels, TrainingOptions.defaults().withBatchSize(10));
        int[] checks = { 0 };
        // when training
        EpochStats stats = trainer.trainEpoch(ImageSamples.whole(halves(100, 1), 2), Trainer.Progress.NONE,
                () -> ++checks[0] > 2);
        // then two batches ran and the epoch says it was stopped
        assertTrue(stats.stopped());
        assertEquals(20, stats.samples());
    }

    @Test
    void aNaNInTrainingIsReportedWithWhereItHappened() {
        // given a rule that poisons a weight
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 4, 2), GATING, 1);
        RuleState poison = step -> step.layer(1).weights()[3] = Float.NaN;
        Trainer trainer = new Trainer(network, poison, kernels, TrainingOptions.defaults().withBatchSize(10));
        // when training, then the loss of the next batch is NaN and the error says so
        var error = assertThrows(TrainingDivergedException.class,
                () -> trainer.trainEpoch(ImageSamples.whole(halves(100, 1), 2), Trainer.Progress.NONE, () -> false));
        assertTrue(error.getMessage().contains("NaN") && error.getMessage().contains("samples 10..19"),
                error.getMessage());
    }

    @Test
    void samplesThatDoNotFitTheNetworkAreRefusedWithBothSizes() {
        // given a network with 9 inputs
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(9, 4, 2), GATING, 1);
        Trainer trainer = new Trainer(network, deltaRule(0.1f), kernels, TrainingOptions.defaults());
        // when 8-value samples arrive, then the error names both widths
        var error = assertThrows(IllegalArgumentException.class,
                () -> trainer.trainEpoch(ImageSamples.whole(halves(10, 1), 2), Trainer.Progress.NONE, () -> false));
        assertTrue(error.getMessage().contains("8") && error.getMessage().contains("9"), error.getMessage());
    }

    @Test
    void aDelayedTaskIsLearnedWithTracesAndNotWithout() {
        // given the two-class task shown once and followed by 4 blank steps
        SampleSet train = ImageSamples.delayed(halves(2000, 1), 2, 4);
        SampleSet test = ImageSamples.delayed(halves(500, 2), 2, 4);
        double[] accuracy = new double[2];
        float[] decays = { 0.8f, 0f };
        for (int run = 0; run < 2; run++) {
            GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 16, 2), GATING, 3);
            Trainer trainer = new Trainer(network, deltaRule(0.5f), kernels,
                    TrainingOptions.defaults().withBatchSize(16).withTraceDecay(decays[run]));
            // when it trains with traces (decay 0.8) and without (decay 0)
            for (int e = 0; e < 3; e++) {
                trainer.trainEpoch(train, Trainer.Progress.NONE, () -> false);
            }
            accuracy[run] = trainer.evaluate(test);
        }
        // then only the run with traces learned
        assertTrue(accuracy[0] > 0.9, "with traces " + Arrays.toString(accuracy));
        assertTrue(accuracy[1] < 0.7, "without traces " + Arrays.toString(accuracy));
    }
}

package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.RunEvaluation;
import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TopologySettings;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingSetup;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;

/**
 * The plan's {@link RunOptions} reaching the engine, and the figures a run ends with: small runs of the real
 * default rule on seeded draws of real MNIST images (fetched by the build).
 */
class TrainingJobOptionsTest {

    @TempDir
    Path folder;

    /** 784-32-10, one epoch on 2,000 images, batch 32, the test set at the end. */
    private static TrainingPlan small(RunOptions options) {
        return new TrainingPlan("mnist", "", List.of(32), 1, 32, 1, "none", "none", "constant", "paper", 0, 2000,
                null).withOptions(options);
    }

    @Test
    void givenOneThread_whenTheRunStarts_thenItsKernelsUseOne() {
        // given the options asking for one thread where the job was made with two
        Recorder recorder = new Recorder();
        // when it runs
        TrainingResult result = job(small(RunOptions.defaults().withThreads(1)), recorder).run();
        // then its kernels used one, and the setup told and the result say so
        assertFalse(result.failed(), result.failure());
        assertEquals(1, recorder.setup.threads());
        assertTrue(recorder.setup.kernels().contains("1 thread"), recorder.setup.kernels());
        assertEquals(recorder.setup, result.setup());
        // and the progress was told in samples, up to all 2,000 of the epoch
        assertArrayEquals(new int[] { 1, 2000, 2000 }, recorder.samples.get(recorder.samples.size() - 1));
    }

    @Test
    void givenTheDelayedTask_whenTheDelayChanges_thenTheRunTrainsOtherSequences() {
        // given the delayed task with one blank step and with four, the same seed otherwise
        RunOptions delayed = RunOptions.defaults().withTask("delayed", 1);
        // when both run
        TrainingResult oneStep = job(small(delayed), new Recorder()).run();
        TrainingResult fourSteps = job(small(delayed.withTask("delayed", 4)), new Recorder()).run();
        // then both learned, from sequences that differ (other losses)
        assertFalse(oneStep.failed() || fourSteps.failed(), oneStep.failure() + fourSteps.failure());
        assertTrue(oneStep.finalAccuracy() > 0.5 && fourSteps.finalAccuracy() > 0.5, oneStep + " / " + fourSteps);
        assertNotEquals(oneStep.epochs().get(0).loss(), fourSteps.epochs().get(0).loss());
    }

    @Test
    void givenATopologyPlan_whenTwoEpochsRun_thenTheNetworkGrowsAndIsPrunedAfterTheFirst() {
        // given splitting 4 nodes per epoch up to 40, pruning 10% from the first epoch, over two epochs
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(32), 2, 32, 1, "none", "none", "constant", "paper",
                0, 2000, null).withOptions(RunOptions.defaults()
                        .withTopology(new TopologySettings(4, 40, 0.1, 1, 0)).withMeasureInference(true));
        // when it runs
        TrainingResult result = job(plan, new Recorder()).run();
        // then after the first epoch 4 nodes were split and 10% of the edges pruned, and it ended with 36 nodes
        assertFalse(result.failed(), result.failure());
        EpochResult first = result.epochs().get(0);
        assertTrue(first.topologyChange().contains("split 4 nodes") && first.topologyChange().contains("pruned"),
                first.topologyChange());
        assertEquals(36, first.hiddenNodes());
        assertTrue(first.liveEdges() < first.totalEdges(), first.toString());
        assertEquals(List.of(784, 32, 10), result.setup().network());
        assertEquals(List.of(784, 36, 10), result.evaluation().network());
    }

    @Test
    void givenGatingSettingsAndAVariant_whenTheNetworkIsMade_thenTheyOverTheDefaultsAndTheVariantLast() {
        // given a threshold of 0.02 over the defaults, and the fixed-threshold variant
        GatingSettings threshold = GatingSettings.unset().withThreshold(0.02f);
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(8), 1, 32, 1, "none", "none", "constant",
                "fixed-threshold", 0, 200, null).withOptions(new RunOptions("static", 5, 0.9f, 0, threshold,
                        null, null, false));
        // when it runs
        TrainingSetup setup = job(plan, new Recorder()).run().setup();
        // then the network has the threshold given, the other defaults, and no threshold adaptation
        GatingSettings defaults = TrainingJob.defaultGating();
        assertEquals(new GatingSettings(0.02f, defaults.timeToRelease(), 0f, defaults.etaT(), 0f), setup.gating());
        assertEquals("fixed-threshold", setup.gatingVariant());
        assertEquals("thresholds fixed at d0, timer on", setup.gatingDescription());
    }

    @Test
    void givenMeasuringInference_whenTheRunEnds_thenTheResultCarriesTheFinalFigures() {
        // given a run that times inference
        TrainingResult result = job(small(RunOptions.defaults().withMeasureInference(true)), new Recorder()).run();
        // then the final evaluation has the network, each layer at inference, inference both ways and memory
        RunEvaluation evaluation = result.evaluation();
        assertTrue(result.onTestSet() && !result.cancelled(), result.toString());
        assertEquals(List.of(784, 32, 10), evaluation.network());
        assertTrue(evaluation.releaseRate() > 0 && evaluation.releaseRate() < 1, evaluation.toString());
        assertEquals(1, evaluation.layers().size());
        assertEquals(32, evaluation.layers().get(0).nodes());
        assertTrue(evaluation.layers().get(0).meanTimeToRelease() >= 1, evaluation.toString());
        assertTrue(evaluation.hasInference());
        assertTrue(evaluation.inference().denseSamplesPerSecond() > 0
                && evaluation.inference().skippingSamplesPerSecond() > 0, evaluation.inference().toString());
        assertEquals(evaluation.inference().denseAccuracy(), evaluation.inference().skippingAccuracy());
        assertTrue(evaluation.peakResidentMegabytes() > 0 && evaluation.peakHeapMegabytes() > 0);
        // and each epoch its overall releases, timer share and edges
        EpochResult epoch = result.epochs().get(0);
        assertTrue(epoch.releaseRate() > 0 && epoch.timerShare() >= 0 && epoch.liveEdges() == epoch.totalEdges()
                && epoch.totalEdges() > 0, epoch.toString());
        // and the setup what was trained on
        TrainingSetup.Data data = result.setup().data();
        assertEquals("mnist", data.dataset());
        assertEquals(2000, data.training());
        assertEquals(0, data.validationFingerprint());
        assertEquals("eligibility", result.setup().rule());
        assertTrue(result.setup().forwardOnly());
    }

    @Test
    void givenNoMeasuring_whenTheRunEnds_thenItIsEvaluatedButInferenceNotTimed() {
        TrainingResult result = job(small(RunOptions.defaults()), new Recorder()).run();
        assertNotNull(result.evaluation());
        assertNull(result.evaluation().inference());
    }

    @Test
    void givenAValidationRun_whenItEnds_thenTheHeldOutImagesAreNamedByTheirFingerprintAndEvaluated() {
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(32), 1, 32, 1, "none", "none", "constant", "paper",
                1000, 2000, null).withOptions(RunOptions.defaults().withMeasureInference(true));
        TrainingResult result = job(plan, new Recorder()).run();
        assertFalse(result.onTestSet());
        assertEquals(1000, result.setup().data().validation());
        assertNotEquals(0, result.setup().data().validationFingerprint());
        assertEquals(result.epochs().get(0).validationAccuracy(), result.finalAccuracy());
        assertEquals(result.finalAccuracy(), result.evaluation().inference().denseAccuracy());
    }

    @Test
    void givenMeasuring_whenCancelledInTheFirstEpoch_thenTheTestSetIsStillEvaluated() {
        // given a run that times inference, cancelled after its first batches
        TrainingJob[] job = new TrainingJob[1];
        job[0] = job(small(RunOptions.defaults().withMeasureInference(true)), new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                if (done == 10) {
                    job[0].stop("");
                }
            }
        });
        // when it runs
        TrainingResult result = job[0].run();
        // then its one stopped epoch is evaluated on the test set, as the shell reports a stopped run
        assertTrue(result.cancelled() && !result.failed(), result.toString());
        assertTrue(result.epochs().get(0).stopped());
        assertTrue(result.onTestSet() && result.evaluation() != null, result.toString());
    }

    @Test
    void givenACheckpoint_whenAnotherRunLoadsIt_thenItContinuesFromItsShapeAndNormalisation() throws Exception {
        // given a standardising 784-16-10 network saved after a run with shifted images and a cosine schedule
        Path checkpoint = folder.resolve("first.nmc");
        TrainingResult first = job(new TrainingPlan("mnist", "", List.of(16), 1, 32, 1, "shift", "standard",
                "cosine", "paper", 0, 2000, checkpoint), new Recorder()).run();
        assertEquals("shift", first.setup().data().augment());
        assertEquals("standard", first.setup().data().normalise());
        assertTrue(first.setup().data().normalisation().contains("standardised"), first.setup().toString());
        assertFalse(ClusterFile.read(checkpoint).inputNormalization().isIdentity());
        // when a plan for 64 hidden nodes loads it
        TrainingResult more = job(small(RunOptions.defaults().withLoad(checkpoint)), new Recorder()).run();
        // then it trained the loaded network, which kept its normalisation, and learned on
        assertFalse(more.failed(), more.failure());
        assertEquals(List.of(784, 16, 10), more.setup().network());
        assertEquals("standard", more.setup().data().normalise());
        assertTrue(more.finalAccuracy() >= first.finalAccuracy() - 0.05, more + " after " + first);
    }

    @Test
    void givenACheckpointOfAnotherShape_whenLoaded_thenTheRunFailsNamingBothSizes() {
        // given a checkpoint of a network for 28 inputs (the row task)
        Path rows = folder.resolve("rows.nmc");
        job(new TrainingPlan("mnist", "", List.of(8), 1, 32, 1, "none", "none", "constant", "paper", 0, 200, rows)
                .withOptions(RunOptions.defaults().withTask("rows", 5)), new Recorder()).run();
        // when a static run loads it, then it fails naming both sizes
        TrainingResult refused = job(small(RunOptions.defaults().withLoad(rows)), new Recorder()).run();
        assertTrue(refused.failure().contains("28-8-10") && refused.failure().contains("784"), refused.failure());
    }

    @Test
    void givenAMissingDataSet_whenItRuns_thenTheFailureNamesTheScriptThatFetchesIt() {
        // given the Fashion-MNIST folder pointed somewhere empty
        String property = Dataset.FASHION_MNIST.directoryProperty();
        String before = System.getProperty(property);
        System.setProperty(property, folder.toString());
        try {
            // when a run trains on it, then the failure says what to run, and nothing was set up
            TrainingResult result = job(new TrainingPlan("fashion-mnist", "", List.of(8), 1, 32, 1, "none", "none",
                    "constant", "paper", 0, 200, null), new Recorder()).run();
            assertTrue(result.failure().contains("fetch-fashion-mnist.sh"), result.failure());
            assertNull(result.setup());
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    private static TrainingJob job(TrainingPlan plan, TrainingListener listener) {
        return new TrainingJob(plan, new EligibilityTraceRule(0.05, 0, 0.9, 1e-4), EligibilityTraceRule.NAME,
                listener, 2);
    }

    /** Keeps the setup and the sample progress a run told. */
    private static final class Recorder implements TrainingListener {
        volatile TrainingSetup setup;
        final List<int[]> samples = new CopyOnWriteArrayList<>();

        @Override
        public void started(TrainingSetup told) {
            setup = told;
        }

        @Override
        public void samples(int epoch, int done, int total, double meanLoss) {
            samples.add(new int[] { epoch, done, total });
        }
    }
}

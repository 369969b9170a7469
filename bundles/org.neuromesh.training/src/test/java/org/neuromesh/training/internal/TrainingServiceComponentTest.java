package org.neuromesh.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.training.CheckpointException;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;
import org.osgi.framework.Constants;

/** The service as DS wires it: rules come and go while runs go on. */
class TrainingServiceComponentTest {

    private static final TrainingPlan LONG_RUN = new TrainingPlan("mnist", "eligibility", List.of(32), 50, 32, 1,
            "none", "none", "constant", "paper", 0, 2000, null);

    private final TrainingServiceComponent service = new TrainingServiceComponent();
    private final LearningRule eligibility = new EligibilityTraceRule(0.05, 0, 0.9, 1e-4);

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void givenTwoRules_thenTheyAreListedHighestRankedFirst_andAnUnknownOneIsRefusedByName() {
        service.addRule(new EligibilityTraceRule(0.1, 0, 0.9, 1e-4), Map.of(LearningRule.NAME_PROPERTY, "other",
                Constants.SERVICE_RANKING, 5));
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility", Constants.SERVICE_RANKING,
                100));
        assertEquals(List.of("eligibility", "other"), service.rules());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> service.start(
                new TrainingPlan("mnist", "no-such-rule", List.of(8), 1, 8, 1, null, null, null, null, 0, 10, null),
                new TrainingListener() {
                }));
        assertTrue(refused.getMessage().contains("no-such-rule"), refused.getMessage());
    }

    @Test
    void givenAPlanWithAnUnknownGating_whenStarted_thenItIsRefusedAtOnceNamingTheComponent() {
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> service.start(
                new TrainingPlan("mnist", "", List.of(8), 1, 8, 1, null, null, null, "tanh", 0, 10, null),
                new TrainingListener() {
                }));
        assertEquals("gating: unknown gating 'tanh'; known: paper, fixed-threshold, no-timer, relu",
                refused.getMessage());
    }

    @Test
    void theDefaultGatingIsTheEnginesEveryValueSet() {
        assertEquals(new GatingSettings(0.01f, 10f, 0.001f, 0.01f, 0.001f), service.defaultGating());
    }

    @Test
    void givenAFolderWithoutTheData_whenADataSetIsRead_thenTheErrorNamesTheFix() {
        IOException missing = assertThrows(IOException.class, () -> service.readDataset("fashion-mnist",
                folder.resolve("nothing")));
        assertTrue(missing.getMessage().contains("fetch-fashion-mnist.sh"), missing.getMessage());
    }

    @Test
    void givenARunOfARule_whenTheRuleIsRemoved_thenTheRunStopsWithAClearMessage() throws Exception {
        // given a long run of the eligibility rule, under way
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility", Constants.SERVICE_RANKING,
                100));
        CountDownLatch training = new CountDownLatch(1);
        TrainingHandle run = service.start(LONG_RUN, new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                training.countDown();
            }
        });
        assertTrue(training.await(60, TimeUnit.SECONDS));
        // when the rule's bundle goes away
        service.removeRule(eligibility);
        // then the run ends soon, cancelled, saying why
        TrainingResult result = run.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(result.cancelled(), result.toString());
        assertTrue(result.failure().contains("'eligibility' was removed"), result.failure());
        assertEquals(List.of(), service.rules());
    }

    @Test
    void givenARun_whenCancelled_thenItEndsWithoutFailure() throws Exception {
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        CountDownLatch training = new CountDownLatch(1);
        TrainingHandle run = service.start(LONG_RUN, new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                training.countDown();
            }
        });
        assertTrue(training.await(60, TimeUnit.SECONDS));
        run.cancel();
        TrainingResult result = run.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(result.cancelled() && !result.failed(), result.toString());
    }

    @Test
    void givenARunUnderWay_whenSnapshotsAreTakenFromOtherThreads_thenEachIsALiveCopyAndTheCheckpointReadsBack()
            throws Exception {
        // given a long run with a checkpoint, under way
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        Path checkpoint = folder.resolve("long.nmc");
        CountDownLatch saved = new CountDownLatch(1);
        AtomicInteger batchesTold = new AtomicInteger();
        TrainingHandle run = service.start(new TrainingPlan("mnist", "eligibility", List.of(32), 50, 32, 1, "none",
                "none", "constant", "paper", 0, 2000, checkpoint), new TrainingListener() {
                    @Override
                    public void batches(int epoch, int done, int total, double meanLoss) {
                        batchesTold.incrementAndGet();
                    }

                    @Override
                    public void checkpointSaved(Path file) {
                        saved.countDown();
                    }
                });
        assertTrue(saved.await(60, TimeUnit.SECONDS), "the first epoch's checkpoint");
        // when a snapshot is asked for from this thread, as the workbench does twice a second
        ClusterSnapshot live = run.snapshot().toCompletableFuture().get(30, TimeUnit.SECONDS);
        float[] thresholdsThen = live.layers().get(0).threshold().clone();
        // then it is taken between batches, of the one hidden layer with the input weights
        assertTrue(live.source().startsWith("live run, epoch "), live.source());
        assertEquals(32, live.layers().get(0).nodes());
        assertEquals(784 * 32, live.layers().get(0).weights().length);
        // and the service reads the checkpoint the run wrote, while the run goes on
        ClusterSnapshot read = service.readCheckpoint(checkpoint);
        assertEquals("checkpoint long.nmc (784-32-10)", read.source());
        // and it is a copy: training on moved the thresholds, the snapshot kept its own (the run is told of the
        // snapshot's batch right after taking it; two more batches told means at least one trained after it)
        int toldAtSnapshot = batchesTold.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (batchesTold.get() < toldAtSnapshot + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        run.cancel();
        run.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        ClusterSnapshot ended = run.snapshot().toCompletableFuture().get(0, TimeUnit.SECONDS);
        assertTrue(ended.source().startsWith("run ended"), ended.source());
        assertArrayEquals(thresholdsThen, live.layers().get(0).threshold());
        assertFalse(Arrays.equals(thresholdsThen, ended.layers().get(0).threshold()), "training moved them");
        // and a damaged file is refused with a CheckpointException, not an error that would end a caller
        Path damaged = Files.write(folder.resolve("damaged.nmc"), new byte[] { 'N', 'M', 'C', 'L', 0, 0, 0, 2 });
        CheckpointException refused = assertThrows(CheckpointException.class, () -> service.readCheckpoint(damaged));
        assertTrue(refused.getMessage().contains("damaged.nmc is truncated at byte 8"), refused.getMessage());
    }

    @Test
    void givenAPlanWithRuleSettings_whenStarted_thenTheRuleTrainsWithThemAndTheDescriptionNamesThem() throws Exception {
        // given a rule that takes per-run settings, configured with a learning rate of 0.05
        AtomicReference<Double> trainedWith = new AtomicReference<>();
        service.addRule(new RateRule(0.05, trainedWith), Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        TrainingPlan plan = new TrainingPlan("mnist", "eligibility", List.of(8), 1, 32, 1, null, null, null, null, 0,
                200, null, Map.of("learningRate", "0.02"));
        // when a plan with a learning rate of 0.02 runs
        AtomicReference<String> description = new AtomicReference<>();
        TrainingResult result = service.start(plan, new TrainingListener() {
            @Override
            public void started(String what) {
                description.set(what);
            }
        }).result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        // then the network was trained by a rule with 0.02, and the run's description says so
        assertEquals("", result.failure());
        assertEquals(0.02, trainedWith.get());
        assertTrue(description.get().contains("with rule 'eligibility' (learningRate = 0.02):"), description.get());
    }

    @Test
    void givenARuleSettingTheRuleRefuses_whenStarted_thenTheStartFailsNamingTheSetting() {
        service.addRule(new RateRule(0.05, new AtomicReference<>()), Map.of(LearningRule.NAME_PROPERTY,
                "eligibility"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> service.start(
                new TrainingPlan("mnist", "eligibility", List.of(8), 1, 32, 1, null, null, null, null, 0, 200, null,
                        Map.of("learningRate", "-1")), new TrainingListener() {
                        }));
        assertTrue(refused.getMessage().startsWith("the rule settings of 'eligibility' do not fit: learningRate must"
                + " be a positive number"), refused.getMessage());
    }

    @Test
    void givenARuleWithoutSettings_whenAPlanGivesSome_thenTheStartFailsSayingSo() {
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> service.start(
                new TrainingPlan("mnist", "eligibility", List.of(8), 1, 32, 1, null, null, null, null, 0, 200, null,
                        Map.of("learningRate", "0.02")), new TrainingListener() {
                        }));
        assertTrue(refused.getMessage().contains("rule eligibility does not take per-run settings"),
                refused.getMessage());
    }

    /** A rule taking one per-run setting, as the rule bundles' components do; it tells which rate trained. */
    private static final class RateRule implements LearningRule {
        private final double rate;
        private final EligibilityTraceRule rule;
        private final AtomicReference<Double> trainedWith;

        RateRule(double rate, AtomicReference<Double> trainedWith) {
            this.rate = rate;
            this.rule = new EligibilityTraceRule(rate, 0, 0.9, 1e-4);
            this.trainedWith = trainedWith;
        }

        @Override
        public RuleInfo info() {
            return rule.info();
        }

        @Override
        public RuleState begin(NetworkShape shape, long seed) {
            trainedWith.set(rate);
            return rule.begin(shape, seed);
        }

        @Override
        public LearningRule withSettings(Map<String, Object> settings) {
            return new RateRule(Double.parseDouble(String.valueOf(settings.get("learningRate"))), trainedWith);
        }
    }
}

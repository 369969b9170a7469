package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.DatasetFacts;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.InferenceTiming;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.RuleSetting;
import org.neuromesh.api.training.RunEvaluation;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.api.training.TrainingSetup;

/**
 * What the shell prints of a run the training service tells: a service that plays a run from its own thread, as
 * the real one does (the real runs are tested in the training bundle).
 */
class TrainingSessionTest {

    private static final GatingSettings DEFAULTS = new GatingSettings(0.01f, 10f, 0.001f, 0.01f, 0.001f);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Set<Thread> printers = ConcurrentHashMap.newKeySet();
    private final PrintStream out = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            printers.add(Thread.currentThread());
            printed.write(b);
        }
    }, true, StandardCharsets.UTF_8);

    private static TrainingSetup setup(List<Integer> network, TrainingSetup.Data data) {
        return new TrainingSetup("a run", network, "test-delta", true, "test-delta(rate=0.05)", data, "paper",
                "adaptive thresholds and timers", DEFAULTS, "scalar, 2 threads", 2);
    }

    private static EpochResult epoch(int epoch, double loss, double accuracy, double validation, double seconds,
            double rate, double releases, double forced, String change, boolean stopped) {
        return new EpochResult(epoch, loss, accuracy, validation, seconds, rate, List.of(new LayerResult(0, 64,
                releases, forced, 0.4 + epoch / 10.0, 4 - epoch, 12.5)), 64, change, stopped, releases, forced, 50240,
                50816);
    }

    private static final RunEvaluation EVALUATION = new RunEvaluation(List.of(784, 64, 10), 0.15, List.of(
            new LayerResult(0, 64, 0.15, 0, 0.5, 4, 13.0)), new InferenceTiming(100000, 150000, 1.5, 0.91, 0.91),
            700, 300);

    @Test
    void givenAWholeRun_whenTheServiceTellsIt_thenTheHeaderEpochsSummaryAndResultLineArePrintedHere()
            throws Exception {
        // given a run of two epochs, with a checkpoint, that the service tells from its own thread
        TrainArguments args = TrainArguments.parse("--hidden", "64", "--epochs", "2", "--augment", "shift",
                "--normalise", "standard", "--save", "run.nmc", "--result");
        TrainingSetup setup = setup(List.of(784, 64, 10), new TrainingSetup.Data("mnist", "MNIST", 60000, 0, 0,
                "shift", "standard", "input standardised over 784 inputs"));
        EpochResult first = epoch(1, 0.5, 0.8, Double.NaN, 2.0, 30000, 0.25, 0.1, "", false);
        EpochResult second = epoch(2, 0.25, 0.9, Double.NaN, 1.0, 60000, 0.2, 0.05, "", false);
        PlayedService service = new PlayedService(listener -> {
            listener.started(setup);
            listener.samples(1, 60000, 60000, 0.5);
            listener.epochEnded(first);
            listener.checkpointSaved(Path.of("run.nmc"));
            listener.samples(2, 60000, 60000, 0.25);
            listener.epochEnded(second);
            listener.checkpointSaved(Path.of("run.nmc"));
            listener.ended(new TrainingResult(List.of(first, second), 0.91, true, false, "", setup, EVALUATION));
        });
        // when the session runs it
        TrainingSession session = new TrainingSession(args, out);
        session.start(service);
        TrainingResult result = session.printUntilEnded();
        // then the service got the plan parsed, and the run's result is returned
        assertSame(args.plan(), service.plan);
        assertEquals(0.91, result.finalAccuracy());
        // and every line was printed on this thread, not the service's
        assertEquals(Set.of(Thread.currentThread()), printers);
        // and the lines read as the benchmarks and users know them (the progress bar's speed is left out)
        List<String> lines = lines();
        assertEquals(List.of(
                "training 784-64-10 MNIST (static task) with rule 'test-delta' on scalar, 2 threads: 60000 train, "
                        + "10000 test (evaluated once, at the end) samples; input standardised over 784 inputs; "
                        + "augmented: shift",
                "rule settings: test-delta(rate=0.05)",
                "gating: adaptive thresholds and timers (d0 0.01, timeToRelease 10.0, eta_d 0.001, eta_t 0.01, "
                        + "alpha 0.001)",
                "epoch 1/2 [##############################] 100% 60000/60000 loss 0.5000",
                "epoch 1: loss 0.5000  train 80.00%  2.0 s  30000 samples/s  releases  L0 25.0% (forced 10.0%) "
                        + "d 0.500  hidden nodes 64  live edges 98.9%",
                "  saved run.nmc",
                "epoch 2/2 [##############################] 100% 60000/60000 loss 0.2500",
                "epoch 2: loss 0.2500  train 90.00%  1.0 s  60000 samples/s  releases  L0 20.0% (forced 5.0%) "
                        + "d 0.600  hidden nodes 64  live edges 98.9%",
                "  saved run.nmc",
                "",
                "done: test accuracy 91.00% after 2 epochs, 1.00 s per epoch (first epoch, with JIT warm-up: "
                        + "2.00 s), 60000 samples/s, peak memory 700 MB",
                "  layer 0 at inference: 15.0% of 64 nodes release per sample, 4 never did, mean d 0.500, mean "
                        + "timeToRelease 13.00",
                "  inference: 100000 samples/s dense, 150000 samples/s skipping silent nodes and zero inputs (1.50x); "
                        + "accuracy 91.00% / 91.00%",
                "RESULT {\"framework\":\"neuromesh\",\"rule\":\"test-delta\",\"forward_only\":true,"
                        + "\"dataset\":\"mnist\",\"task\":\"static\",\"network\":\"784-64-10\",\"epochs\":2,"
                        + "\"batch\":128,\"seed\":1,\"validation\":0,\"validation_fingerprint\":0,"
                        + "\"evaluated_on\":\"test\",\"test_accuracy\":91.00,\"validation_accuracy\":null,"
                        + "\"validation_curve\":[null,null],\"train_curve\":[80.00,90.00],"
                        + "\"loss_curve\":[0.5000,0.2500],\"epoch_seconds\":[2.000,1.000],"
                        + "\"seconds_per_epoch\":1.000,\"first_epoch_seconds\":2.000,\"samples_per_second\":60000,"
                        + "\"peak_rss_mb\":700,\"peak_heap_mb\":300,\"threads\":2,\"kernels\":\"scalar, 2 threads\","
                        + "\"gating\":\"paper\",\"threshold\":0.010000,\"time_to_release\":10.000,"
                        + "\"eta_d\":0.001000,\"eta_t\":0.010000,\"alpha\":0.001000,\"release_rate\":0.1500,"
                        + "\"train_release_rate\":0.2000,\"timer_share\":0.0500,\"layers\":[{\"layer\":0,"
                        + "\"nodes\":64,\"train_release_rate\":0.2000,\"forced_share\":0.0500,"
                        + "\"train_silent_nodes\":2,\"release_rate\":0.1500,\"silent_nodes\":4,"
                        + "\"mean_threshold\":0.5000,\"mean_time_to_release\":13.000}],"
                        + "\"inference_dense_samples_per_second\":100000,"
                        + "\"inference_skipping_samples_per_second\":150000,\"inference_speedup\":1.500,"
                        + "\"hidden_nodes\":64,\"live_edges\":50240,\"total_edges\":50816,\"trace_decay\":0.900,"
                        + "\"augment\":\"shift\",\"schedule\":\"constant\",\"normalise\":\"standard\","
                        + "\"rule_settings\":\"test-delta(rate=0.05)\",\"stopped\":false}"), lines);
    }

    @Test
    void givenAStoppedValidationRunFromACheckpoint_whenTold_thenTheLinesSaySoAndTheTestSetIsNotNamed()
            throws Exception {
        // given a run continuing from a checkpoint, holding 5,000 images out, stopped in its second epoch
        TrainArguments args = TrainArguments.parse("--load", "old.nmc", "--epochs", "3", "--validation", "5000",
                "--split", "4", "--schedule", "cosine", "--result");
        TrainingSetup setup = setup(List.of(784, 60, 10), new TrainingSetup.Data("mnist", "MNIST", 55000, 5000, 77,
                "none", "none", "no input normalisation"));
        EpochResult first = epoch(1, 0.5, 0.8, 0.85, 2.0, 27500, 0.25, 0.1, "layer 0: split 4 nodes", false);
        EpochResult stopped = epoch(2, 0.4, 0.82, 0.87, 0.5, 20000, 0.2, 0.05, "", true);
        TrainingResult ended = new TrainingResult(List.of(first, stopped), 0.87, false, true, "", setup,
                new RunEvaluation(List.of(784, 64, 10), 0.15, EVALUATION.layers(), null, 700, 300));
        // when the session prints it
        String text = play(args, listener -> {
            listener.started(setup);
            listener.epochEnded(first);
            listener.epochEnded(stopped);
            listener.ended(ended);
        });
        // then it names the checkpoint, the held-out images and the schedule, the stop and the topology change
        assertTrue(text.startsWith("continuing from old.nmc 784-60-10\ntraining 784-60-10 MNIST (static task) with "
                + "rule 'test-delta' on scalar, 2 threads: 55000 train, 5000 validation (held out of the training "
                + "set; the test set is not touched) samples; cosine learning-rate schedule\n"), text);
        assertTrue(text.contains("validation 85.00%") && text.contains("  [layer 0: split 4 nodes]")
                && text.contains("  (stopped)"), text);
        assertTrue(text.contains("done: validation accuracy 87.00% after 2 epochs, 2.00 s per epoch (first epoch, "
                + "with JIT warm-up: 2.00 s)"), text);
        assertTrue(!text.contains("\n  inference: ") && text.contains("\"inference_speedup\":null"), text);
        assertTrue(text.contains("\"network\":\"784-64-10\",\"epochs\":2,\"batch\":128,\"seed\":1,"
                + "\"validation\":5000,\"validation_fingerprint\":77,\"evaluated_on\":\"validation\","
                + "\"test_accuracy\":null,\"validation_accuracy\":87.00,\"validation_curve\":[85.00,87.00]"), text);
        assertTrue(text.contains("\"schedule\":\"cosine\",\"normalise\":\"none\"") && text.endsWith(
                "\"stopped\":true}\n"), text);
    }

    @Test
    void givenAFailedRun_whenTold_thenTheFailureIsPrintedOnALineOfItsOwn() throws Exception {
        String text = play(TrainArguments.parse(), listener -> listener.ended(new TrainingResult(List.of(),
                Double.NaN, false, false, "MNIST directory /nowhere does not exist. Run releng/fetch-mnist.sh")));
        assertEquals("\ntraining failed: MNIST directory /nowhere does not exist. Run releng/fetch-mnist.sh\n", text);
    }

    @Test
    void givenARunCancelledBeforeItsFirstEpochEnded_whenTold_thenItSaysSo() throws Exception {
        TrainingSetup setup = setup(List.of(784, 64, 10), new TrainingSetup.Data("mnist", "MNIST", 60000, 0, 0,
                "none", "none", ""));
        String text = play(TrainArguments.parse(), listener -> {
            listener.started(setup);
            listener.ended(new TrainingResult(List.of(), Double.NaN, false, true, "", setup, null));
        });
        assertTrue(text.endsWith("\nstopped before the first epoch ended\n"), text);
    }

    @Test
    void givenAPlanTheServiceRefuses_whenStarted_thenTheRefusalReachesTheCaller() {
        TrainingService refusing = new PlayedService(listener -> {
        }) {
            @Override
            public TrainingHandle start(TrainingPlan plan, TrainingListener listener) {
                throw new IllegalArgumentException("gating: unknown gating 'tanh'");
            }
        };
        TrainingSession session = new TrainingSession(TrainArguments.parse("--gating", "tanh"), out);
        var refused = assertThrows(IllegalArgumentException.class, () -> session.start(refusing));
        assertEquals("gating: unknown gating 'tanh'", refused.getMessage());
    }

    private String play(TrainArguments args, Consumer<TrainingListener> run) throws InterruptedException {
        TrainingSession session = new TrainingSession(args, out);
        session.start(new PlayedService(run));
        session.printUntilEnded();
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The lines printed, each progress bar redraw cut before its speed. */
    private List<String> lines() {
        String text = printed.toString(StandardCharsets.UTF_8).replaceAll("\r(epoch \\d+/\\d+ [^\n]*loss [0-9.]+) "
                + "[0-9]+ samples/s", "$1");
        return List.of(text.split("\n", -1)).subList(0, (int) text.chars().filter(c -> c == '\n').count());
    }

    /** A training service that plays a run to the listener from a thread of its own. */
    private static class PlayedService implements TrainingService {
        private final Consumer<TrainingListener> run;
        volatile TrainingPlan plan;

        PlayedService(Consumer<TrainingListener> run) {
            this.run = run;
        }

        @Override
        public TrainingHandle start(TrainingPlan started, TrainingListener listener) {
            plan = started;
            CompletableFuture<TrainingResult> result = new CompletableFuture<>();
            Thread player = new Thread(() -> run.accept(new TrainingListener() {
                @Override
                public void started(TrainingSetup setup) {
                    listener.started(setup);
                }

                @Override
                public void samples(int epoch, int done, int total, double meanLoss) {
                    listener.samples(epoch, done, total, meanLoss);
                }

                @Override
                public void epochEnded(EpochResult epoch) {
                    listener.epochEnded(epoch);
                }

                @Override
                public void checkpointSaved(Path file) {
                    listener.checkpointSaved(file);
                }

                @Override
                public void ended(TrainingResult ended) {
                    listener.ended(ended);
                    result.complete(ended);
                }
            }), "played-run");
            player.start();
            return new TrainingHandle() {
                @Override
                public void cancel() {
                    result.cancel(false);
                }

                @Override
                public CompletionStage<TrainingResult> result() {
                    return result;
                }

                @Override
                public CompletionStage<ClusterSnapshot> snapshot() {
                    return CompletableFuture.failedFuture(new IllegalStateException("a played run has no network"));
                }
            };
        }

        @Override
        public List<String> rules() {
            return List.of("test-delta");
        }

        @Override
        public ClusterSnapshot readCheckpoint(Path file) {
            throw new AssertionError("a played run reads no checkpoints");
        }

        @Override
        public List<RuleSetting> ruleSettings(String rule) {
            return List.of();
        }

        @Override
        public String checkRuleSetting(String rule, String id, String value) {
            return "is not a setting of " + rule;
        }

        @Override
        public GatingSettings defaultGating() {
            return DEFAULTS;
        }

        @Override
        public DatasetFacts readDataset(String dataset, Path folder) throws IOException {
            throw new IOException("a played run reads no data");
        }
    }
}

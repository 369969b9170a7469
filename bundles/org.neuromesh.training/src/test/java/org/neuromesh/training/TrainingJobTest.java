package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.training.BatchWindow;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;

/** Runs of the real default rule on a seeded draw of real MNIST images (fetched by the build). */
class TrainingJobTest {

    @TempDir
    Path folder;

    @Test
    void givenAPlanWithValidation_whenItRuns_thenEveryEpochIsToldWithGatingAndItLearns() throws Exception {
        // given 2 epochs on 3,000 training images, 1,000 held out, a checkpoint file
        Path checkpoint = folder.resolve("run.nmc");
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(64), 2, 64, 3, "none", "none", "constant",
                "paper", 1000, 3000, checkpoint);
        Recorder recorder = new Recorder();
        // when it runs with the eligibility rule
        TrainingResult result = job(plan, recorder).run();
        // then both epochs were told, with each hidden layer's gating, and it learnt well beyond chance
        assertFalse(result.failed(), result.failure());
        assertEquals(2, recorder.epochs.size());
        EpochResult last = recorder.epochs.get(1);
        assertEquals(1, last.layers().size());
        assertTrue(last.layers().get(0).releaseRate() > 0 && last.layers().get(0).releaseRate() < 1,
                last.toString());
        assertTrue(last.validationAccuracy() > 0.7, "validation accuracy " + last.validationAccuracy());
        // and the result is the last validation accuracy, not the test set's; and the checkpoint was written
        assertFalse(result.onTestSet());
        assertEquals(last.validationAccuracy(), result.finalAccuracy());
        assertTrue(Files.size(checkpoint) > 0 && recorder.saved > 0);
        assertTrue(recorder.batchCalls > 0 && recorder.description.contains("784-64-10"), recorder.description);
        // and each epoch of 47 batches came as 47 windows of one batch (47 / 40 windows rounds down to one batch a
        // window), each with its own accuracy, the last one of the run better than the first
        assertEquals(2 * 47, recorder.windows.size());
        assertTrue(recorder.windows.stream().allMatch(w -> w.accuracy() >= 0 && w.accuracy() <= 1));
        assertTrue(recorder.windows.get(93).accuracy() > recorder.windows.get(0).accuracy(), recorder.windows
                .toString());
        assertEquals(List.of(result), recorder.ended);
    }

    @Test
    void givenARunningJob_whenStoppedBecauseItsRuleWentAway_thenItEndsAfterABatchWithThatReason() {
        // given a 50-epoch plan that is told to stop once its first batches are done
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(32), 50, 32, 1, "none", "none", "constant",
                "paper", 0, 2000, folder.resolve("stopped.nmc"));
        Recorder recorder = new Recorder();
        TrainingJob[] job = new TrainingJob[1];
        job[0] = job(plan, new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                recorder.batches(epoch, done, total, meanLoss);
                job[0].stop("the learning rule 'eligibility' was removed");
            }

            @Override
            public void ended(TrainingResult result) {
                recorder.ended(result);
            }
        });
        // when it runs
        TrainingResult result = job[0].run();
        // then it stopped in its first epoch, cancelled, with the reason as its failure
        assertTrue(result.cancelled() && result.failed(), result.toString());
        assertEquals("the learning rule 'eligibility' was removed", result.failure());
        assertTrue(result.epochs().size() <= 1, result.toString());
        assertEquals(List.of(result), recorder.ended);
    }

    @Test
    void givenAPlanForAnUnknownDataSetOrNormalisation_thenTheRunFailsWithAClearMessage() {
        TrainingResult unknown = job(new TrainingPlan("cifar", "", List.of(8), 1, 8, 1, "none", "none", "constant",
                "paper", 0, 100, null), new Recorder()).run();
        assertTrue(unknown.failed() && unknown.failure().contains("cifar"), unknown.failure());
        TrainingResult badNormalise = job(new TrainingPlan("mnist", "", List.of(8), 1, 8, 1, "none", "whiten",
                "constant", "paper", 0, 100, null), new Recorder()).run();
        assertTrue(badNormalise.failure().contains("whiten"), badNormalise.failure());
    }

    private static TrainingJob job(TrainingPlan plan, TrainingListener listener) {
        return new TrainingJob(plan, new EligibilityTraceRule(0.05, 0, 0.9, 1e-4), EligibilityTraceRule.NAME,
                listener, 2);
    }

    /** Keeps what a run told. */
    private static final class Recorder implements TrainingListener {
        final List<EpochResult> epochs = new CopyOnWriteArrayList<>();
        final List<TrainingResult> ended = new CopyOnWriteArrayList<>();
        volatile String description = "";
        volatile int batchCalls;
        volatile int saved;
        final List<BatchWindow> windows = new CopyOnWriteArrayList<>();

        @Override
        public void batchWindow(BatchWindow window) {
            windows.add(window);
        }

        @Override
        public void started(String what) {
            description = what;
        }

        @Override
        public void batches(int epoch, int done, int total, double meanLoss) {
            batchCalls++;
        }

        @Override
        public void epochEnded(EpochResult epoch) {
            epochs.add(epoch);
        }

        @Override
        public void checkpointSaved(Path file) {
            saved++;
        }

        @Override
        public void ended(TrainingResult result) {
            ended.add(result);
        }
    }
}

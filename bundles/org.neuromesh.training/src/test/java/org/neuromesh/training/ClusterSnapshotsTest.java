package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.training.CheckpointException;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.LayerSnapshot;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;

/** Snapshots of a real run of the default rule on real MNIST images, and of the checkpoint it wrote. */
class ClusterSnapshotsTest {

    @TempDir
    Path folder;

    @Test
    void givenARunningJob_whenASnapshotIsAskedForDuringABatch_thenTheTrainingThreadTakesItAtTheNextBoundary()
            throws Exception {
        // given a 1-epoch run of 784-32-10 on 2,000 images that asks for a snapshot while its first batch is told
        Path checkpoint = folder.resolve("run.nmc");
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(32), 1, 50, 5, "none", "none", "constant", "paper",
                0, 2000, checkpoint);
        CompletableFuture<CompletableFuture<ClusterSnapshot>> asked = new CompletableFuture<>();
        TrainingJob[] job = new TrainingJob[1];
        job[0] = new TrainingJob(plan, new EligibilityTraceRule(0.05, 0, 0.9, 1e-4), EligibilityTraceRule.NAME,
                new TrainingListener() {
                    @Override
                    public void batches(int epoch, int done, int total, double meanLoss) {
                        if (done == 1) {
                            asked.complete(job[0].snapshot().toCompletableFuture());
                        }
                    }
                }, 2);
        // when it runs
        TrainingResult result = job[0].run();
        // then the snapshot was taken after the second batch, with every node's state and the input weights
        assertFalse(result.failed(), result.failure());
        ClusterSnapshot live = asked.get().get(0, TimeUnit.SECONDS);
        assertEquals("live run, epoch 1, batch 2 of 40", live.source());
        assertEquals(1, live.layers().size());
        LayerSnapshot layer = live.layers().get(0);
        assertEquals(1, layer.layer());
        assertEquals(784, layer.inputs());
        assertEquals(32, layer.nodes());
        assertEquals(784 * 32, layer.weights().length);
        // and the release rates of that batch are shares, not all equal (nodes differ)
        assertNotNull(layer.releaseRate());
        for (float rate : layer.releaseRate()) {
            assertTrue(rate >= 0 && rate <= 1, Arrays.toString(layer.releaseRate()));
        }
        assertTrue(Arrays.stream(box(layer.releaseRate())).distinct().count() > 1, Arrays.toString(layer
                .releaseRate()));
        // and an eligibility of 1 exactly where the timer says the node just released
        for (int j = 0; j < layer.nodes(); j++) {
            assertEquals(layer.silentSamples()[j] == 0, layer.eligibility()[j] == 1f, "node " + j);
        }

        // when a snapshot is asked for after the end, then it is the network as it ended: the checkpoint's
        ClusterSnapshot ended = job[0].snapshot().toCompletableFuture().get(0, TimeUnit.SECONDS);
        assertEquals("run ended, after 1 epochs", ended.source());
        ClusterSnapshot read = ClusterSnapshots.read(checkpoint);
        assertEquals("checkpoint run.nmc (784-32-10)", read.source());
        LayerSnapshot saved = read.layers().get(0);
        assertArrayEquals(ended.layers().get(0).threshold(), saved.threshold());
        assertArrayEquals(ended.layers().get(0).timeToRelease(), saved.timeToRelease());
        assertArrayEquals(ended.layers().get(0).weights(), saved.weights());
        assertFalse(Arrays.equals(layer.threshold(), saved.threshold()), "the thresholds moved after batch 2");
        // and a checkpoint does not keep release rates
        assertNull(saved.releaseRate());
    }

    @Test
    void givenATruncatedOrForeignOrMissingCheckpoint_whenRead_thenTheExceptionNamesTheFileAndTheFault()
            throws Exception {
        // given a real checkpoint cut short, a text file and no file
        Path good = folder.resolve("good.nmc");
        new TrainingJob(new TrainingPlan("mnist", "", List.of(16), 1, 50, 5, "none", "none", "constant", "paper", 0,
                500, good), new EligibilityTraceRule(0.05, 0, 0.9, 1e-4), EligibilityTraceRule.NAME,
                new TrainingListener() {
                }, 2).run();
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(folder.resolve("cut.nmc"), Arrays.copyOf(bytes, bytes.length - 100));
        Path cutShort = Files.write(folder.resolve("cut-short.nmc"), Arrays.copyOf(bytes, 1000));
        Path text = Files.writeString(folder.resolve("notes.nmc"), "these are notes, not a network of nodes");
        // when read, then each fails with a CheckpointException that says what is wrong
        CheckpointException truncated = assertThrows(CheckpointException.class, () -> ClusterSnapshots.read(cut));
        assertEquals(cut, truncated.file());
        assertTrue(truncated.getMessage().startsWith("not a readable NeuroMesh checkpoint: " + cut
                + " is truncated at byte " + (bytes.length - 100)), truncated.getMessage());
        CheckpointException refusedCut = assertThrows(CheckpointException.class,
                () -> ClusterSnapshots.read(cutShort));
        assertTrue(refusedCut.getMessage().contains("cut-short.nmc is truncated or damaged: layer 0 declares 16 nodes"
                + " of 784 inputs (100352 bytes of weights), but the file has only 1000 bytes"),
                refusedCut.getMessage());
        CheckpointException foreign = assertThrows(CheckpointException.class, () -> ClusterSnapshots.read(text));
        assertTrue(foreign.getMessage().contains("is not a NeuroMesh cluster file"), foreign.getMessage());
        CheckpointException missing = assertThrows(CheckpointException.class, () -> ClusterSnapshots.read(folder
                .resolve("missing.nmc")));
        assertEquals("no checkpoint at " + folder.resolve("missing.nmc"), missing.getMessage());
    }

    @Test
    void givenARunThatFailsBeforeItHasANetwork_whenASnapshotWasAskedFor_thenItCompletesExceptionallyWithWhy() {
        // given a snapshot asked for before a run of an unknown data set starts
        TrainingJob job = new TrainingJob(new TrainingPlan("cifar", "", List.of(8), 1, 8, 1, "none", "none",
                "constant", "paper", 0, 100, null), new EligibilityTraceRule(0.05, 0, 0.9, 1e-4),
                EligibilityTraceRule.NAME, new TrainingListener() {
                }, 1);
        CompletableFuture<ClusterSnapshot> asked = job.snapshot().toCompletableFuture();
        // when the run fails
        assertTrue(job.run().failed());
        // then the snapshot fails too, saying why, and one asked for later fails at once
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> asked.get(0, TimeUnit.SECONDS));
        assertEquals("the run ended before it had a network", failed.getCause().getMessage());
        assertTrue(job.snapshot().toCompletableFuture().isCompletedExceptionally());
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}

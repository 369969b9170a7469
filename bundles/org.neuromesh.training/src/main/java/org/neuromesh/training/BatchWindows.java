package org.neuromesh.training;

import java.util.function.Consumer;

import org.neuromesh.api.training.BatchWindow;

/**
 * Cuts an epoch into about {@link #PER_EPOCH} windows of batches and tells each window's own mean loss and accuracy,
 * from the running means the trainer reports after every batch. Not thread-safe: fed on the training thread.
 */
final class BatchWindows {

    /** Windows per epoch: enough for a curve, few enough that a listener on the UI thread keeps up. */
    static final int PER_EPOCH = 40;

    private final Consumer<BatchWindow> sink;
    private int epoch;
    private int samplesAtWindowStart;
    private double lossSumAtWindowStart;
    private double rightAtWindowStart;
    private int nextWindowEnd;

    BatchWindows(Consumer<BatchWindow> sink) {
        this.sink = sink;
    }

    /** After a batch: {@code samplesDone} of the epoch with these running means; batches counted from 1. */
    void batchDone(int epoch, int batchesDone, int batchesTotal, int samplesDone, double meanLoss, double accuracy) {
        if (epoch != this.epoch) {
            this.epoch = epoch;
            samplesAtWindowStart = 0;
            lossSumAtWindowStart = 0;
            rightAtWindowStart = 0;
            nextWindowEnd = step(batchesTotal);
        }
        if (batchesDone < nextWindowEnd && batchesDone < batchesTotal) {
            return;
        }
        int samples = samplesDone - samplesAtWindowStart;
        double lossSum = meanLoss * samplesDone;
        double right = accuracy * samplesDone;
        if (samples > 0) {
            sink.accept(new BatchWindow(epoch, batchesDone, batchesTotal, (lossSum - lossSumAtWindowStart) / samples,
                    (right - rightAtWindowStart) / samples));
        }
        samplesAtWindowStart = samplesDone;
        lossSumAtWindowStart = lossSum;
        rightAtWindowStart = right;
        nextWindowEnd = batchesDone + step(batchesTotal);
    }

    private static int step(int batchesTotal) {
        return Math.max(1, batchesTotal / PER_EPOCH);
    }
}

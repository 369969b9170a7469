package org.neuromesh.engine.network;

import java.util.Objects;

/**
 * How a {@link Trainer} runs.
 *
 * @param batchSize samples per batch, >= 1
 * @param traceDecay per-step decay of eligibility and pre-synaptic traces in temporal mode, in [0, 1); 0 switches
 *        the traces off
 * @param seed seed for the order of the samples in each epoch
 * @param schedule how the learning rate changes over a {@link TrainingRun}
 */
public record TrainingOptions(int batchSize, float traceDecay, long seed, LearningRateSchedule schedule) {

    public TrainingOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(traceDecay >= 0f && traceDecay < 1f)) {
            throw new IllegalArgumentException("traceDecay must be in [0, 1), got " + traceDecay);
        }
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Options with a constant learning rate. */
    public TrainingOptions(int batchSize, float traceDecay, long seed) {
        this(batchSize, traceDecay, seed, LearningRateSchedule.CONSTANT);
    }

    /** Batch 128, trace decay 0.9, seed 1, constant rate. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 0.9f, 1L);
    }

    public TrainingOptions withBatchSize(int size) {
        return new TrainingOptions(size, traceDecay, seed, schedule);
    }

    public TrainingOptions withTraceDecay(float decay) {
        return new TrainingOptions(batchSize, decay, seed, schedule);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(batchSize, traceDecay, newSeed, schedule);
    }

    public TrainingOptions withSchedule(LearningRateSchedule newSchedule) {
        return new TrainingOptions(batchSize, traceDecay, seed, newSchedule);
    }
}

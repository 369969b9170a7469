package org.neuromesh.engine.network;

/**
 * How a {@link Trainer} runs.
 *
 * @param batchSize samples per batch, >= 1
 * @param traceDecay per-step decay of eligibility and pre-synaptic traces in temporal mode, in [0, 1); 0 switches
 *        the traces off
 * @param seed seed for the order of the samples in each epoch
 */
public record TrainingOptions(int batchSize, float traceDecay, long seed) {

    public TrainingOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(traceDecay >= 0f && traceDecay < 1f)) {
            throw new IllegalArgumentException("traceDecay must be in [0, 1), got " + traceDecay);
        }
    }

    /** Batch 128, trace decay 0.9, seed 1. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 0.9f, 1L);
    }

    public TrainingOptions withBatchSize(int size) {
        return new TrainingOptions(size, traceDecay, seed);
    }

    public TrainingOptions withTraceDecay(float decay) {
        return new TrainingOptions(batchSize, decay, seed);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(batchSize, traceDecay, newSeed);
    }
}

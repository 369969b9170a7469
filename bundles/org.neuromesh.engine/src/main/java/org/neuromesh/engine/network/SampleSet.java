package org.neuromesh.engine.network;

/**
 * Labelled samples a {@link Trainer} can draw batches from: either static vectors (one step) or sequences of
 * {@link #timeSteps()} input vectors.
 */
public interface SampleSet {

    int size();

    /** Values per input vector (per step, for sequences). */
    int inputWidth();

    /** 1 for static samples; the sequence length otherwise. */
    int timeSteps();

    int classCount();

    int label(int sample);

    /** Copies the input of step {@code step} of each listed sample into {@code into}, batch-major. */
    void fill(int[] samples, int from, int count, int step, float[] into);
}

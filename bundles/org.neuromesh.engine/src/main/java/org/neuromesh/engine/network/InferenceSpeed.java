package org.neuromesh.engine.network;

import java.util.Arrays;

import org.neuromesh.engine.math.MatrixKernels;

/**
 * How fast a trained network classifies with every product dense, and with products that skip silent nodes (and
 * zero inputs): both passes over the same samples, alternated, the median of each kept.
 *
 * @param dense the evaluation with dense products (its seconds the median of the runs)
 * @param skipping the evaluation that skips zeros (likewise)
 */
public record InferenceSpeed(Evaluation dense, Evaluation skipping) {

    /** How many times faster skipping is (dense time over skipping time). */
    public double speedUp() {
        return skipping.seconds() > 0 ? dense.seconds() / skipping.seconds() : 0;
    }

    /**
     * Classifies {@code samples} {@code repeats} times each way, alternating, after one unmeasured pass each (the JIT
     * compiles the kernels).
     */
    public static InferenceSpeed measure(GatingNetwork network, MatrixKernels kernels, SampleSet samples, int batch,
            int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        Inference dense = new Inference(network, kernels, batch, false);
        Inference skipping = new Inference(network, kernels, batch, true);
        dense.evaluate(samples);
        skipping.evaluate(samples);
        Evaluation[] denseRuns = new Evaluation[repeats];
        Evaluation[] skippingRuns = new Evaluation[repeats];
        for (int r = 0; r < repeats; r++) {
            denseRuns[r] = dense.evaluate(samples);
            skippingRuns[r] = skipping.evaluate(samples);
        }
        return new InferenceSpeed(median(denseRuns), median(skippingRuns));
    }

    private static Evaluation median(Evaluation[] runs) {
        Evaluation[] sorted = runs.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.seconds(), b.seconds()));
        return sorted[sorted.length / 2];
    }
}

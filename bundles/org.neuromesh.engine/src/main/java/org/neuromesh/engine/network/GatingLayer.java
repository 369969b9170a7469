package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromesh.engine.gating.GatingParameters;

/**
 * The parameters of one weight layer of a {@link GatingNetwork}: a dense weight matrix with a mask of live edges,
 * biases, and, for a hidden layer, the adaptive state of each threshold-gating node (threshold d, timeToRelease,
 * threshold adaptation rate eta_d, and the timer: samples since the node last released).
 *
 * <p>The readout (last layer) has no gating state: its nodes integrate their input and report it as the class
 * scores. Batch buffers live elsewhere ({@link BatchBuffers}); this class holds only what is saved in a
 * checkpoint. Arrays are exposed to the engine package for the hot loop, never outside it.
 */
public final class GatingLayer {

    final int inputs;
    final int nodes;
    final boolean readout;
    final float[] weights;
    final float[] bias;
    /** 1 for a live edge, 0 for a pruned one; pruned weights are kept at 0. */
    final float[] mask;
    /** Edges whose mask is 0; while none are, the mask need not be applied. */
    int prunedEdges;
    final float[] threshold;
    final float[] timeToRelease;
    final float[] etaD;
    final int[] silentSamples;
    /** Scratch for one batch (per-node release counts, error input); never saved. */
    final int[] thresholdCount;
    final int[] timerCount;
    final float[] errorScratch;
    /** Samples of the last training batch, whose releases the counts hold; 0 before the first. */
    int countedSamples;

    GatingLayer(int inputs, int nodes, boolean readout) {
        if (inputs < 1 || nodes < 1) {
            throw new IllegalArgumentException("a layer needs at least one input and one node, got " + inputs
                    + " inputs and " + nodes + " nodes");
        }
        if ((long) inputs * nodes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("weight matrix " + nodes + " x " + inputs
                    + " does not fit in one Java array");
        }
        this.inputs = inputs;
        this.nodes = nodes;
        this.readout = readout;
        this.weights = new float[inputs * nodes];
        this.bias = new float[nodes];
        this.mask = new float[inputs * nodes];
        int state = readout ? 0 : nodes;
        this.threshold = new float[state];
        this.timeToRelease = new float[state];
        this.etaD = new float[state];
        this.silentSamples = new int[state];
        this.thresholdCount = new int[state];
        this.timerCount = new int[state];
        this.errorScratch = new float[state];
        Arrays.fill(mask, 1f);
    }

    /** A layer with He-uniform weights from {@code seed} (nodes release rectified sums) and fresh node state. */
    static GatingLayer initialised(int inputs, int nodes, boolean readout, GatingParameters gating, long seed) {
        GatingLayer layer = new GatingLayer(inputs, nodes, readout);
        double limit = Math.sqrt((readout ? 3.0 : 6.0) / inputs);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < layer.weights.length; i++) {
            layer.weights[i] = (float) random.nextDouble(-limit, limit);
        }
        layer.resetNodes(gating);
        return layer;
    }

    /** Returns every node's adaptive state to the initial values of {@code gating}; keeps the weights. */
    void resetNodes(GatingParameters gating) {
        Arrays.fill(threshold, gating.initialThreshold());
        Arrays.fill(timeToRelease, gating.initialTimeToRelease());
        Arrays.fill(etaD, gating.etaD0());
        Arrays.fill(silentSamples, 0);
    }

    public int inputCount() {
        return inputs;
    }

    public int nodeCount() {
        return nodes;
    }

    public boolean isReadout() {
        return readout;
    }

    /** Number of edges not pruned. */
    public int liveEdges() {
        int live = 0;
        for (float m : mask) {
            live += m != 0f ? 1 : 0;
        }
        return live;
    }

    /** Mean threshold d over the layer's nodes (0 for the readout). */
    public double meanThreshold() {
        return mean(threshold);
    }

    /** Mean timeToRelease over the layer's nodes (0 for the readout). */
    public double meanTimeToRelease() {
        return mean(timeToRelease);
    }

    /** A copy of the weights, {@code nodes x inputs} row-major. */
    public float[] weights() {
        return weights.clone();
    }

    /** A copy of the biases. */
    public float[] bias() {
        return bias.clone();
    }

    /** A copy of the thresholds d (empty for the readout). */
    public float[] thresholds() {
        return threshold.clone();
    }

    /** A copy of each node's timeToRelease, the forced-release timer's limit (empty for the readout). */
    public float[] timesToRelease() {
        return timeToRelease.clone();
    }

    /** A copy of each node's timer: samples since it last released (empty for the readout). */
    public int[] silentSamples() {
        return silentSamples.clone();
    }

    /**
     * Each node's share of the samples of the last training batch on which it released (threshold or timer), or
     * {@code null} before the first training batch or in a sequence task (whose steps are not counted). Read it
     * between batches only, on the training thread.
     */
    public float[] lastBatchReleaseRates() {
        if (countedSamples == 0 || readout) {
            return null;
        }
        float[] rates = new float[nodes];
        for (int j = 0; j < nodes; j++) {
            rates[j] = (thresholdCount[j] + timerCount[j]) / (float) countedSamples;
        }
        return rates;
    }

    /** Index of the first weight or bias that is NaN or infinite, or -1; weights first, then biases. */
    int firstNonFinite() {
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                return i;
            }
        }
        for (int i = 0; i < bias.length; i++) {
            if (!Float.isFinite(bias[i])) {
                return weights.length + i;
            }
        }
        return -1;
    }

    /** Zeroes the weights of pruned edges; rules update every weight, the mask keeps pruned ones dead. */
    void applyMask() {
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= mask[i];
        }
    }

    private static double mean(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

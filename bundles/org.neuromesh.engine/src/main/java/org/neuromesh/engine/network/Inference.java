package org.neuromesh.engine.network;

import java.util.ArrayList;
import java.util.List;

import org.neuromesh.engine.math.MatrixKernels;

/**
 * Forward passes without learning over static samples, for evaluation: accuracy, and how active each hidden layer
 * was. Thresholds are the network's and timers are frozen (no forced releases), so a prediction never depends on
 * the other samples; nothing in the network changes.
 *
 * <p>A node that does not release outputs exactly 0. When {@code skipSilent} is on and most of a layer's input is
 * zero (silent nodes, or blank pixels), the product skips the zeros ({@link MatrixKernels#multiplySparseA} with
 * the weights transposed once per {@link #evaluate} call), so the work grows with the releases rather than with the
 * layer's width. The result is the same sum taken in another order: scores agree to rounding.
 */
public final class Inference {

    /**
     * Inputs with a smaller share of non-zeros go through the sparse product. It pays on digit images, whose
     * non-zeros (19%) lie in the same middle pixels, so the weights of the blank border are never read: every
     * training run prints the speed-up, 1.06-1.24 times at 784-1024-10. It does not pay on hidden layers where a
     * third of the nodes release: with the earlier bound of 40% the 1024-1024 networks classified 0.67-0.82 times
     * as fast as dense; at 30% their hidden layers stay dense while the pixels are still skipped (2026-12-06).
     */
    static final double SPARSE_BELOW = 0.3;
    /**
     * Layers narrower than this stay dense: a few output columns (the readout's ten) make the sparse product's
     * bookkeeping cost more than the products it saves.
     */
    static final int SPARSE_MIN_NODES = 64;
    /**
     * An input's share of non-zeros is judged on every this-many-th value. Counting every value cost a tenth of a
     * dense pass where nothing is skipped (784-256-10 on Fashion-MNIST, whose images are half non-zero); a prime
     * stride keeps rows of 784 or 1024 values from being sampled at the same positions in every row.
     */
    static final int DENSITY_STRIDE = 17;

    private final GatingNetwork network;
    private final MatrixKernels kernels;
    private final int capacity;
    private final boolean skipSilent;
    private final int layers;
    private final float[][] out;
    private final float[][] released;
    private final float[][] transposed;
    private final long[][] releasesPerNode;
    private final float[] input;
    private final float[] normalized;
    private final int[] order;
    private final int[] labels;
    private long sparseProducts;
    private long denseProducts;

    /**
     * @param capacity the largest batch
     * @param skipSilent whether products skip the zeros of mostly-silent inputs
     */
    public Inference(GatingNetwork network, MatrixKernels kernels, int capacity, boolean skipSilent) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.network = network;
        this.kernels = kernels;
        this.capacity = capacity;
        this.skipSilent = skipSilent;
        this.layers = network.layerCount();
        out = new float[layers][];
        released = new float[layers][];
        transposed = new float[layers][];
        releasesPerNode = new long[layers][];
        for (int l = 0; l < layers; l++) {
            GatingLayer layer = network.layer(l);
            out[l] = new float[capacity * layer.nodes];
            released[l] = new float[capacity * layer.nodes];
            transposed[l] = skipSilent ? new float[layer.inputs * layer.nodes] : new float[0];
            releasesPerNode[l] = new long[layer.nodes];
        }
        input = new float[capacity * network.inputWidth()];
        normalized = network.inputNormalization().isIdentity() ? input : new float[input.length];
        order = new int[capacity];
        labels = new int[capacity];
    }

    /**
     * Classifies every sample once, in batches of the capacity.
     *
     * @throws IllegalArgumentException if the samples are sequences or do not fit the network
     */
    public Evaluation evaluate(SampleSet samples) {
        if (samples.timeSteps() != 1) {
            throw new IllegalArgumentException("inference here takes static samples; these are sequences of "
                    + samples.timeSteps() + " steps");
        }
        if (samples.inputWidth() != network.inputWidth() || samples.classCount() != network.outputWidth()) {
            throw new IllegalArgumentException("samples of " + samples.inputWidth() + " values and "
                    + samples.classCount() + " classes do not fit a network of " + network.inputWidth()
                    + " inputs and " + network.outputWidth() + " outputs");
        }
        long start = System.nanoTime();
        if (skipSilent) {
            transposeWeights();
        }
        for (long[] counts : releasesPerNode) {
            java.util.Arrays.fill(counts, 0);
        }
        int size = samples.size();
        int correct = 0;
        for (int from = 0; from < size; from += capacity) {
            int batch = Math.min(capacity, size - from);
            for (int b = 0; b < batch; b++) {
                order[b] = from + b;
                labels[b] = samples.label(from + b);
            }
            samples.fill(order, 0, batch, 0, input);
            correct += classify(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Evaluation(size, correct, activity(size), seconds);
    }

    /** How many of the products so far skipped zeros, and how many were dense; for tests and reports. */
    public long[] productCounts() {
        return new long[] { sparseProducts, denseProducts };
    }

    private int classify(int batch) {
        network.inputNormalization().apply(input, batch, normalized);
        float[] layerInput = normalized;
        for (int l = 0; l < layers; l++) {
            GatingLayer layer = network.layer(l);
            product(l, layer, layerInput, batch);
            if (!layer.readout) {
                Gates.infer(layer, out[l], batch, out[l], released[l]);
                count(l, layer.nodes, batch);
            }
            layerInput = out[l];
        }
        return countCorrect(out[layers - 1], batch);
    }

    private void product(int l, GatingLayer layer, float[] layerInput, int batch) {
        int width = batch * layer.inputs;
        if (skipSilent && layer.nodes >= SPARSE_MIN_NODES && mostlyZero(layerInput, width)) {
            kernels.multiplySparseA(batch, layer.nodes, layer.inputs, layerInput, transposed[l], out[l]);
            sparseProducts++;
        } else {
            kernels.multiplyTransposedB(batch, layer.nodes, layer.inputs, layerInput, layer.weights, out[l], 0f);
            denseProducts++;
        }
        float[] values = out[l];
        float[] bias = layer.bias;
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < layer.nodes; j++, k++) {
                values[k] += bias[j];
            }
        }
    }

    /** Whether fewer than {@link #SPARSE_BELOW} of the first {@code length} values are non-zero, on a sample. */
    static boolean mostlyZero(float[] values, int length) {
        int sampled = 0;
        int nonZero = 0;
        for (int i = 0; i < length; i += DENSITY_STRIDE) {
            sampled++;
            nonZero += values[i] != 0f ? 1 : 0;
        }
        return nonZero < SPARSE_BELOW * sampled;
    }

    private void count(int l, int nodes, int batch) {
        long[] counts = releasesPerNode[l];
        float[] flags = released[l];
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                counts[j] += (long) flags[k];
            }
        }
    }

    private int countCorrect(float[] scores, int batch) {
        int outputs = network.outputWidth();
        int correct = 0;
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int o = 1; o < outputs; o++) {
                if (scores[b * outputs + o] > scores[b * outputs + best]) {
                    best = o;
                }
            }
            correct += best == labels[b] ? 1 : 0;
        }
        return correct;
    }

    private void transposeWeights() {
        final int block = 32; // a block of source and destination lines stays in L1
        for (int l = 0; l < layers; l++) {
            GatingLayer layer = network.layer(l);
            float[] weights = layer.weights;
            float[] into = transposed[l];
            int inputs = layer.inputs;
            int nodes = layer.nodes;
            for (int j0 = 0; j0 < nodes; j0 += block) {
                for (int i0 = 0; i0 < inputs; i0 += block) {
                    for (int j = j0; j < Math.min(nodes, j0 + block); j++) {
                        for (int i = i0; i < Math.min(inputs, i0 + block); i++) {
                            into[i * nodes + j] = weights[j * inputs + i];
                        }
                    }
                }
            }
        }
    }

    private List<LayerActivity> activity(int samples) {
        List<LayerActivity> activity = new ArrayList<>();
        for (int l = 0; l < layers - 1; l++) {
            GatingLayer layer = network.layer(l);
            long releases = 0;
            int silent = 0;
            for (long count : releasesPerNode[l]) {
                releases += count;
                silent += count == 0 ? 1 : 0;
            }
            activity.add(new LayerActivity(l, layer.nodes, (long) samples * layer.nodes, releases, 0, silent,
                    layer.meanThreshold(), layer.meanTimeToRelease()));
        }
        return activity;
    }
}

package org.neuromesh.engine.network;

import java.util.Objects;
import java.util.SplittableRandom;

import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.gating.GatingParameters;

/**
 * A cluster of threshold-gating layers: hidden layers of gating nodes and a readout layer, plus the fixed random
 * feedback projections through which the engine delivers the output error forward to each hidden layer (no
 * weight is ever transported backwards). Deterministic: the same shape, parameters and seed give the same network.
 *
 * <p>Holds parameters only; batch buffers belong to a {@link Propagation}. Not thread-safe: one trainer at a time.
 */
public final class GatingNetwork {

    private final GatingParameters gating;
    private final long seed;
    private final InputNormalization normalization;
    private GatingLayer[] layers;
    /** Per hidden layer l: {@code outputs x nodes(l)}, fixed at creation (and after growth, extended). */
    private float[][] feedback;

    GatingNetwork(GatingParameters gating, long seed, GatingLayer[] layers, float[][] feedback) {
        this(gating, seed, InputNormalization.NONE, layers, feedback);
    }

    GatingNetwork(GatingParameters gating, long seed, InputNormalization normalization, GatingLayer[] layers,
            float[][] feedback) {
        this.gating = Objects.requireNonNull(gating, "gating");
        this.seed = seed;
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        if (!normalization.isIdentity() && normalization.width() != layers[0].inputs) {
            throw new IllegalArgumentException("the input normalisation is for " + normalization.width()
                    + " inputs; the network has " + layers[0].inputs);
        }
        this.layers = layers.clone();
        this.feedback = feedback.clone();
    }

    /**
     * A fresh network.
     *
     * @param shape input width, hidden widths, number of classes
     * @param gating node parameters for every hidden layer
     * @param seed seed for the weights and the feedback projections
     */
    public static GatingNetwork create(NetworkShape shape, GatingParameters gating, long seed) {
        return create(shape, gating, seed, InputNormalization.NONE);
    }

    /**
     * A fresh network that normalises its input first.
     *
     * @param normalization applied to every input before the first layer, in training and at inference
     * @throws IllegalArgumentException if the normalisation is for another number of inputs
     */
    public static GatingNetwork create(NetworkShape shape, GatingParameters gating, long seed,
            InputNormalization normalization) {
        int count = shape.weightLayerCount();
        GatingLayer[] layers = new GatingLayer[count];
        float[][] feedback = new float[count - 1][];
        SplittableRandom seeds = new SplittableRandom(seed);
        int outputs = shape.width(count);
        for (int l = 0; l < count; l++) {
            boolean readout = l == count - 1;
            layers[l] = GatingLayer.initialised(shape.width(l), shape.width(l + 1), readout, gating,
                    seeds.nextLong());
            if (!readout) {
                feedback[l] = randomFeedback(outputs, shape.width(l + 1), seeds.nextLong());
            }
        }
        return new GatingNetwork(gating, seed, normalization, layers, feedback);
    }

    static float[] randomFeedback(int outputs, int nodes, long seed) {
        float[] matrix = new float[outputs * nodes];
        double limit = Math.sqrt(3.0 / nodes); // the scale of the readout weights a gradient would travel through
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextDouble(-limit, limit);
        }
        return matrix;
    }

    public NetworkShape shape() {
        int[] widths = new int[layers.length + 1];
        widths[0] = layers[0].inputs;
        for (int l = 0; l < layers.length; l++) {
            widths[l + 1] = layers[l].nodes;
        }
        return new NetworkShape(widths);
    }

    public GatingParameters gating() {
        return gating;
    }

    public long seed() {
        return seed;
    }

    /** What the network does to its input before the first layer. */
    public InputNormalization inputNormalization() {
        return normalization;
    }

    /** Number of weight layers, the readout included. */
    public int layerCount() {
        return layers.length;
    }

    public GatingLayer layer(int index) {
        return layers[index];
    }

    public int inputWidth() {
        return layers[0].inputs;
    }

    public int outputWidth() {
        return layers[layers.length - 1].nodes;
    }

    /** Live (not pruned) edges over all layers. */
    public long liveEdges() {
        long live = 0;
        for (GatingLayer layer : layers) {
            live += layer.liveEdges();
        }
        return live;
    }

    /** All edges, pruned or not. */
    public long totalEdges() {
        long total = 0;
        for (GatingLayer layer : layers) {
            total += layer.weights.length;
        }
        return total;
    }

    float[] feedback(int hiddenLayer) {
        return feedback[hiddenLayer];
    }

    /** Swaps in a resized layer pair (topology growth); the caller keeps shapes consistent. */
    void replace(int index, GatingLayer layer, float[] newFeedback) {
        layers[index] = layer;
        if (newFeedback != null) {
            feedback[index] = newFeedback;
        }
    }

    /** Returns every node's threshold, timer and rate to their initial values; keeps the weights. */
    public void resetNodes() {
        for (GatingLayer layer : layers) {
            layer.resetNodes(gating);
        }
    }

    /**
     * Fails with the layer and position of the first weight or bias that is NaN or infinite.
     *
     * @throws TrainingDivergedException naming the layer and entry
     */
    void requireFinite(String when) {
        for (int l = 0; l < layers.length; l++) {
            int at = layers[l].firstNonFinite();
            if (at >= 0) {
                int weights = layers[l].weights.length;
                String where = at < weights
                        ? "weight [node " + at / layers[l].inputs + ", input " + at % layers[l].inputs + "]"
                        : "bias of node " + (at - weights);
                throw new TrainingDivergedException("layer " + l + " " + where + " became "
                        + (at < weights ? layers[l].weights[at] : layers[l].bias[at - weights]) + " " + when
                        + "; lower the learning rate or check the input");
            }
        }
    }
}

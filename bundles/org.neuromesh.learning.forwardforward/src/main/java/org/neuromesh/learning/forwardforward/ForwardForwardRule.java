package org.neuromesh.learning.forwardforward;

import java.util.SplittableRandom;

import org.neuromesh.api.learning.ForwardPass;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;

/**
 * The Forward-Forward algorithm (Hinton 2022): every hidden layer learns on its own to be active for real data
 * and quiet for made-up data, so no error travels between layers. Positive data is the image with its own label
 * written, one-hot, over its first {@code classes} values; negative data is the same image with a wrong label
 * drawn at random. Each runs through the network in an extra forward pass, and each hidden layer descends
 *
 * <pre>
 * G = mean_j h_j^2                                  (goodness: squared activity, normalised by the layer width)
 * loss = nodes * (softplus(threshold - G_pos) + softplus(G_neg - threshold))
 * </pre>
 *
 * using only its own input and output in that pass. The factor {@code nodes} makes a node's step independent of
 * the layer's width, as with the paper's summed goodness, while the threshold stays independent of it too. The
 * readout, which the engine scores on the plain image, learns with the local delta rule on the main pass:
 * {@code dW = -readoutRate * mean_b(e^T pre)}. Momentum as elsewhere: {@code v = momentum * v + dW}.
 *
 * <p>Unlike the paper, a layer's input is not length-normalised: the engine feeds each layer the previous layer's
 * raw release, and the rule must learn the function the network actually computes.
 */
public final class ForwardForwardRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "forward-forward";

    private static final RuleInfo INFO = new RuleInfo(NAME, "Forward-Forward", true,
            "Hinton 2022, The Forward-Forward Algorithm: Some Preliminary Investigations");

    private final float learningRate;
    private final float readoutRate;
    private final float threshold;
    private final float momentum;

    /**
     * @param learningRate step size of the hidden layers' goodness descent, finite and positive
     * @param readoutRate step size of the readout's delta rule, finite and positive
     * @param threshold goodness that separates positive from negative data, finite and positive
     * @param momentum in [0, 1)
     */
    public ForwardForwardRule(double learningRate, double readoutRate, double threshold, double momentum) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (!(readoutRate > 0) || Double.isInfinite(readoutRate)) {
            throw new IllegalArgumentException("readoutRate must be a positive number, got " + readoutRate);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = (float) learningRate;
        this.readoutRate = (float) readoutRate;
        this.threshold = (float) threshold;
        this.momentum = (float) momentum;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    public float learningRate() {
        return learningRate;
    }

    public float readoutRate() {
        return readoutRate;
    }

    public float threshold() {
        return threshold;
    }

    public float momentum() {
        return momentum;
    }

    /**
     * @throws IllegalArgumentException if the network has hidden layers but fewer than two classes or fewer input
     *         values than classes, so that no label can be written over the input
     */
    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        int layers = shape.weightLayerCount();
        int classes = shape.width(layers);
        if (layers > 1 && (classes < 2 || shape.width(0) < classes)) {
            throw new IllegalArgumentException("forward-forward writes the label over the first " + classes
                    + " input values and needs a wrong label, so it needs at least 2 classes and at least as many"
                    + " inputs as classes; the network is " + shape);
        }
        return new State(shape, seed);
    }

    private final class State implements RuleState {
        private final NetworkShape shape;
        private final SplittableRandom random;
        private final float[][] weightVelocity;
        private final float[][] biasVelocity;
        private float[] labelled = new float[0];
        private float[] delta = new float[0];

        State(NetworkShape shape, long seed) {
            this.shape = shape;
            this.random = new SplittableRandom(seed);
            int layers = shape.weightLayerCount();
            weightVelocity = new float[layers][];
            biasVelocity = new float[layers][];
            for (int l = 0; l < layers; l++) {
                weightVelocity[l] = new float[shape.width(l + 1) * shape.width(l)];
                biasVelocity[l] = new float[shape.width(l + 1)];
            }
        }

        @Override
        public void learn(LearningStep step) {
            requireShape(step);
            MatrixMath math = step.math();
            int batch = step.batchSize();
            int readout = step.layerCount() - 1;
            float rate = learningRate * step.rateFactor();
            if (readout > 0) {
                // Both passes add to the velocity before any weight moves: one step on the summed loss.
                goodnessPass(step, true);
                goodnessPass(step, false);
                for (int l = 0; l < readout; l++) {
                    LayerSignals layer = step.layer(l);
                    math.addScaled(weightVelocity[l].length, -rate, weightVelocity[l], layer.weights());
                    math.addScaled(biasVelocity[l].length, -rate, biasVelocity[l], layer.bias());
                }
            }
            LayerSignals out = step.layer(readout);
            accumulate(math, out, step.outputError(), out.pre(), batch, readout, momentum);
            float outRate = readoutRate * step.rateFactor();
            math.addScaled(weightVelocity[readout].length, -outRate, weightVelocity[readout], out.weights());
            math.addScaled(biasVelocity[readout].length, -outRate, biasVelocity[readout], out.bias());
        }

        /** Runs positive or negative data and adds each hidden layer's goodness gradient to its velocity. */
        private void goodnessPass(LearningStep step, boolean positive) {
            MatrixMath math = step.math();
            int batch = step.batchSize();
            writeLabels(step, positive);
            ForwardPass pass = step.forward(labelled);
            for (int l = 0; l < step.layerCount() - 1; l++) {
                LayerSignals layer = step.layer(l);
                int nodes = layer.nodeCount();
                if (delta.length < batch * nodes) {
                    delta = new float[batch * nodes]; // grows once to the largest batch x layer
                }
                float[] h = pass.output(l);
                float[] released = pass.released(l);
                for (int b = 0; b < batch; b++) {
                    int row = b * nodes;
                    double goodness = 0;
                    for (int j = 0; j < nodes; j++) {
                        goodness += h[row + j] * h[row + j];
                    }
                    goodness /= nodes;
                    // dLoss/dG: -sigmoid(threshold - G) for positive data, sigmoid(G - threshold) for negative
                    double lossSlope = positive ? -sigmoid(threshold - goodness) : sigmoid(goodness - threshold);
                    // dG/dh_j = 2 h_j / nodes; the loss counts once per node (times the width), so that a
                    // node's step does not shrink as its layer widens and one rate suits every width
                    float scale = (float) (lossSlope * 2.0);
                    for (int j = 0; j < nodes; j++) {
                        delta[row + j] = scale * h[row + j] * released[row + j];
                    }
                }
                float[] pre = l == 0 ? labelled : pass.output(l - 1);
                accumulate(math, layer, delta, pre, batch, l, positive ? momentum : 1f);
            }
        }

        /** Copies the batch's input and writes a one-hot label, right or wrong, over its first values. */
        private void writeLabels(LearningStep step, boolean positive) {
            int inputs = shape.width(0);
            int classes = shape.width(shape.weightLayerCount());
            int batch = step.batchSize();
            if (labelled.length < batch * inputs) {
                labelled = new float[batch * inputs]; // grows once to the largest batch
            }
            System.arraycopy(step.input(), 0, labelled, 0, batch * inputs);
            int[] labels = step.labels();
            for (int b = 0, row = 0; b < batch; b++, row += inputs) {
                // the label is as bright as the brightest input value, so it is neither lost nor dominant
                float on = 0f;
                for (int i = 0; i < inputs; i++) {
                    on = Math.max(on, labelled[row + i]);
                }
                on = on > 0f ? on : 1f;
                int label = positive ? labels[b] : (labels[b] + 1 + random.nextInt(classes - 1)) % classes;
                for (int c = 0; c < classes; c++) {
                    labelled[row + c] = c == label ? on : 0f;
                }
            }
        }

        /** {@code v = beta * v + mean_b(delta^T pre)}, and the same for the biases. */
        private void accumulate(MatrixMath math, LayerSignals layer, float[] layerDelta, float[] pre, int batch,
                int l, float beta) {
            math.multiplyTransposedA(layer.nodeCount(), layer.inputCount(), batch, 1f / batch, layerDelta, pre,
                    weightVelocity[l], beta);
            float[] biasV = biasVelocity[l];
            int nodes = layer.nodeCount();
            for (int j = 0; j < nodes; j++) {
                float sum = 0f;
                for (int b = 0, k = j; b < batch; b++, k += nodes) {
                    sum += layerDelta[k];
                }
                biasV[j] = beta * biasV[j] + sum / batch;
            }
        }

        private void requireShape(LearningStep step) {
            if (step.layerCount() != shape.weightLayerCount()) {
                throw new IllegalStateException("the step has " + step.layerCount() + " weight layers but the rule"
                        + " began for " + shape + "; begin again after the topology changes");
            }
            for (int l = 0; l < step.layerCount(); l++) {
                LayerSignals layer = step.layer(l);
                if (layer.inputCount() != shape.width(l) || layer.nodeCount() != shape.width(l + 1)) {
                    throw new IllegalStateException("layer " + l + " is " + layer.nodeCount() + " x "
                            + layer.inputCount() + " but the rule began for " + shape
                            + "; begin again after the topology changes");
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}

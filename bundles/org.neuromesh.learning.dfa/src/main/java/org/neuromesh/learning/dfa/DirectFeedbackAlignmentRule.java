package org.neuromesh.learning.dfa;

import java.util.SplittableRandom;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;

/**
 * Direct feedback alignment (Nokland 2016): the output error reaches every hidden layer directly through a fixed
 * random matrix instead of through the transposed forward weights, so nothing is transported backwards:
 *
 * <pre>
 * delta_L = e                                   (e = softmax - one-hot, the readout's error)
 * delta_l = (e . B_l) * eligibility_l           (B_l fixed random, outputs x nodes_l)
 * v = momentum * v + mean_b(delta^T pre) + decay * W;   W -= rate * v      (biases likewise, without decay)
 * </pre>
 *
 * The forward weights come to align with the feedback matrices, which is what makes the error useful below the
 * readout. The matrices are the rule's own, drawn from the seed given to {@link #begin}.
 */
public final class DirectFeedbackAlignmentRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "direct-feedback";

    private static final RuleInfo INFO = new RuleInfo(NAME, "Direct feedback alignment", true,
            "Nokland 2016, Direct Feedback Alignment Provides Learning in Deep Neural Networks");

    private final float learningRate;
    private final float momentum;
    private final float weightDecay;

    /**
     * @param learningRate step size, finite and positive
     * @param momentum in [0, 1)
     * @param weightDecay L2 decay, finite and non-negative
     */
    public DirectFeedbackAlignmentRule(double learningRate, double momentum, double weightDecay) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be zero or positive, got " + weightDecay);
        }
        this.learningRate = (float) learningRate;
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    public float learningRate() {
        return learningRate;
    }

    public float momentum() {
        return momentum;
    }

    public float weightDecay() {
        return weightDecay;
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return new State(shape, seed);
    }

    private final class State implements RuleState {
        private final NetworkShape shape;
        /** Per hidden layer l: {@code outputs x nodes(l)}, fixed for the life of the state. */
        private final float[][] feedback;
        private final float[][] weightVelocity;
        private final float[][] biasVelocity;
        private float[] delta = new float[0];

        State(NetworkShape shape, long seed) {
            this.shape = shape;
            int layers = shape.weightLayerCount();
            int outputs = shape.width(layers);
            SplittableRandom random = new SplittableRandom(seed);
            feedback = new float[layers - 1][];
            weightVelocity = new float[layers][];
            biasVelocity = new float[layers][];
            for (int l = 0; l < layers; l++) {
                int nodes = shape.width(l + 1);
                weightVelocity[l] = new float[nodes * shape.width(l)];
                biasVelocity[l] = new float[nodes];
                if (l < layers - 1) {
                    // Uniform with the variance of the readout's initial weights (1 / nodes), so the hidden
                    // deltas start at the size backpropagation through a fresh readout would give them.
                    float limit = (float) Math.sqrt(3.0 / nodes);
                    feedback[l] = new float[outputs * nodes];
                    for (int i = 0; i < feedback[l].length; i++) {
                        feedback[l][i] = (float) random.nextDouble(-limit, limit);
                    }
                }
            }
        }

        @Override
        public void learn(LearningStep step) {
            requireShape(step);
            MatrixMath math = step.math();
            int batch = step.batchSize();
            int readout = step.layerCount() - 1;
            int outputs = shape.width(readout + 1);
            float[] error = step.outputError();
            for (int l = 0; l < readout; l++) {
                LayerSignals layer = step.layer(l);
                int nodes = layer.nodeCount();
                if (delta.length < batch * nodes) {
                    delta = new float[batch * nodes]; // grows once to the largest batch x layer
                }
                math.multiply(batch, nodes, outputs, error, feedback[l], delta, 0f);
                float[] eligibility = layer.eligibility();
                for (int k = 0; k < batch * nodes; k++) {
                    delta[k] *= eligibility[k];
                }
                descend(math, layer, delta, batch, l);
            }
            descend(math, step.layer(readout), error, batch, readout);
        }

        private void descend(MatrixMath math, LayerSignals layer, float[] layerDelta, int batch, int l) {
            float[] weights = layer.weights();
            float[] velocity = weightVelocity[l];
            math.multiplyTransposedA(layer.nodeCount(), layer.inputCount(), batch, 1f / batch, layerDelta,
                    layer.pre(), velocity, momentum);
            if (weightDecay != 0f) {
                math.addScaled(velocity.length, weightDecay, weights, velocity);
            }
            math.addScaled(velocity.length, -learningRate, velocity, weights);
            float[] bias = layer.bias();
            float[] biasV = biasVelocity[l];
            int nodes = layer.nodeCount();
            for (int j = 0; j < nodes; j++) {
                float sum = 0f;
                for (int b = 0, k = j; b < batch; b++, k += nodes) {
                    sum += layerDelta[k];
                }
                biasV[j] = momentum * biasV[j] + sum / batch;
                bias[j] -= learningRate * biasV[j];
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
}

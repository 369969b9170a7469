package org.neuromesh.learning.eligibility;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;

/**
 * The three-factor eligibility-trace rule, NeuroMesh's default: a weight changes in proportion to its
 * pre-synaptic activity, the eligibility of its node, and the modulatory (error or reward) signal the engine
 * delivers forward to that node, summed over the batch, with momentum:
 *
 * <pre>
 * g[j][i] = mean_b( modulation[b][j] * eligibility[b][j] * pre[b][i] ) - decay * W[j][i]
 * v = momentum * v + g;   W += rate_t * v        (and likewise for the biases, without decay)
 * rate_t = rate / (1 + rateDecay * t)               (t counts the batches learned)
 * </pre>
 *
 * Nothing flows backwards: every factor is available at the node during the forward pass. In temporal mode
 * {@code pre} is the pre-synaptic trace and the eligibility decays between releases, so an error that arrives
 * only at the end of a sequence still reaches the inputs and releases that caused it.
 */
public final class EligibilityTraceRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "eligibility";

    private static final RuleInfo INFO = new RuleInfo(NAME, "Eligibility-trace three-factor rule", true,
            "NeuroMesh; three-factor rules after Fremaux and Gerstner 2016", true);

    private final float learningRate;
    private final float weightDecay;
    private final float momentum;
    private final double rateDecay;

    /** A rule with a constant learning rate. */
    public EligibilityTraceRule(double learningRate, double weightDecay, double momentum) {
        this(learningRate, weightDecay, momentum, 0);
    }

    /**
     * @param learningRate step size, finite and positive
     * @param weightDecay L2 decay, finite and non-negative
     * @param momentum in [0, 1)
     * @param rateDecay how fast the step size falls with the batches learned, finite and non-negative
     */
    public EligibilityTraceRule(double learningRate, double weightDecay, double momentum, double rateDecay) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be zero or positive, got " + weightDecay);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = (float) learningRate;
        this.weightDecay = (float) weightDecay;
        if (!(rateDecay >= 0) || Double.isInfinite(rateDecay)) {
            throw new IllegalArgumentException("rateDecay must be zero or positive, got " + rateDecay);
        }
        this.momentum = (float) momentum;
        this.rateDecay = rateDecay;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    public float learningRate() {
        return learningRate;
    }

    public float weightDecay() {
        return weightDecay;
    }

    public float momentum() {
        return momentum;
    }

    public double rateDecay() {
        return rateDecay;
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        // Deterministic: the seed is not needed.
        return new State(shape);
    }

    private final class State implements RuleState {
        private final float[][] weightVelocity;
        private final float[][] biasVelocity;
        private float[] gate = new float[0];
        private long batches;

        State(NetworkShape shape) {
            int layers = shape.weightLayerCount();
            weightVelocity = new float[layers][];
            biasVelocity = new float[layers][];
            for (int l = 0; l < layers; l++) {
                weightVelocity[l] = new float[shape.width(l) * shape.width(l + 1)];
                biasVelocity[l] = new float[shape.width(l + 1)];
            }
        }

        @Override
        public void learn(LearningStep step) {
            float rate = (float) (learningRate / (1 + rateDecay * batches++));
            for (int l = 0; l < step.layerCount(); l++) {
                update(step.math(), step.layer(l), step.batchSize(), l, rate);
            }
        }

        private void update(MatrixMath math, LayerSignals signals, int batch, int l, float rate) {
            int inputs = signals.inputCount();
            int nodes = signals.nodeCount();
            float[] weights = signals.weights();
            float[] bias = signals.bias();
            if (weights.length != weightVelocity[l].length) {
                throw new IllegalStateException("layer " + l + " has " + nodes + " x " + inputs
                        + " weights but the rule began with " + weightVelocity[l].length
                        + "; begin again after the topology changes");
            }
            if (gate.length < batch * nodes) {
                gate = new float[batch * nodes]; // grows once to the largest batch x layer
            }
            float[] modulation = signals.modulation();
            float[] eligibility = signals.eligibility();
            for (int k = 0; k < batch * nodes; k++) {
                gate[k] = modulation[k] * eligibility[k];
            }
            float[] velocity = weightVelocity[l];
            // v = momentum * v + mean_b(gate^T pre) - decay * W
            math.multiplyTransposedA(nodes, inputs, batch, 1f / batch, gate, signals.pre(), velocity, momentum);
            if (weightDecay != 0f) {
                math.addScaled(velocity.length, -weightDecay, weights, velocity);
            }
            math.addScaled(velocity.length, rate, velocity, weights);
            float[] biasV = biasVelocity[l];
            for (int j = 0; j < nodes; j++) {
                float sum = 0f;
                for (int b = 0, k = j; b < batch; b++, k += nodes) {
                    sum += gate[k];
                }
                biasV[j] = momentum * biasV[j] + sum / batch;
                bias[j] += rate * biasV[j];
            }
        }
    }
}

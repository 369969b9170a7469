package org.neuromesh.learning.backprop;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.support.MomentumDescent;
import org.neuromesh.learning.support.RuleParameters;

/**
 * Plain backpropagation of the cross-entropy gradient, as a yardstick for the forward-only rules. It is the one
 * rule that sends the error backwards through the transposed forward weights, so it says
 * {@link RuleInfo#forwardOnly()} {@code false} and is never the default:
 *
 * <pre>
 * delta_L = e                                          (e = softmax - one-hot)
 * delta_l = (delta_{l+1} . W_{l+1}) * eligibility_l    (eligibility = derivative of the node's release)
 * v = momentum * v + mean_b(delta^T pre) + decay * W;   W -= rate * v      (biases likewise, without decay)
 * </pre>
 *
 * All deltas are computed before any weight changes, so this is exactly one step of stochastic gradient descent
 * on the mean loss of the batch; with momentum and decay 0 it is what PyTorch's {@code SGD(lr=rate)} does.
 */
public final class BackpropagationRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "backprop-reference";

    private static final RuleInfo INFO = new RuleInfo(NAME, "Backpropagation (reference only)", false,
            "Rumelhart, Hinton and Williams 1986; for comparison only");

    private final float learningRate;
    private final float momentum;
    private final float weightDecay;

    /**
     * @param learningRate step size, finite and positive
     * @param momentum in [0, 1)
     * @param weightDecay L2 decay, finite and non-negative
     */
    public BackpropagationRule(double learningRate, double momentum, double weightDecay) {
        this.learningRate = RuleParameters.positive("learningRate", learningRate);
        this.momentum = RuleParameters.fraction("momentum", momentum);
        this.weightDecay = RuleParameters.nonNegative("weightDecay", weightDecay);
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
        // Deterministic: the seed is not needed.
        return new State(shape);
    }

    private final class State implements RuleState {
        private final NetworkShape shape;
        private final MomentumDescent descent;
        /** Per hidden layer: its delta for the current batch, grown once to the largest batch. */
        private final float[][] deltas;

        State(NetworkShape shape) {
            this.shape = shape;
            int layers = shape.weightLayerCount();
            descent = new MomentumDescent(shape, momentum, weightDecay);
            deltas = new float[layers][];
            for (int l = 0; l < layers; l++) {
                deltas[l] = new float[0];
            }
        }

        @Override
        public void learn(LearningStep step) {
            descent.requireShape(step);
            MatrixMath math = step.math();
            int batch = step.batchSize();
            int readout = step.layerCount() - 1;
            deltas[readout] = step.outputError(); // the engine's buffer, only read
            for (int l = readout - 1; l >= 0; l--) {
                LayerSignals layer = step.layer(l);
                int nodes = layer.nodeCount();
                if (deltas[l].length < batch * nodes) {
                    deltas[l] = new float[batch * nodes];
                }
                // delta_l = delta_{l+1} . W_{l+1}: W_{l+1} is nodes(l+1) x nodes(l), so no transpose is needed
                math.multiply(batch, nodes, shape.width(l + 2), deltas[l + 1], step.layer(l + 1).weights(),
                        deltas[l], 0f);
                float[] eligibility = layer.eligibility();
                for (int k = 0; k < batch * nodes; k++) {
                    deltas[l][k] *= eligibility[k];
                }
            }
            for (int l = 0; l <= readout; l++) {
                descend(math, step.layer(l), deltas[l], batch, l, learningRate * step.rateFactor());
            }
            deltas[readout] = null; // do not keep the engine's array past this batch
        }

        private void descend(MatrixMath math, LayerSignals layer, float[] delta, int batch, int l, float rate) {
            descent.descend(math, layer, l, delta, layer.pre(), batch, rate);
        }
    }
}

package org.neuromesh.learning.dfa;

import java.util.Objects;
import java.util.SplittableRandom;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.support.Descent;
import org.neuromesh.learning.support.Optimizer;
import org.neuromesh.learning.support.RuleParameters;

/**
 * Direct feedback alignment (Nokland 2016): the output error reaches every hidden layer directly through a fixed
 * random matrix instead of through the transposed forward weights, so nothing is transported backwards:
 *
 * <pre>
 * delta_L = e                                   (e = softmax - one-hot, the readout's error)
 * delta_l = (e . B_l) * eligibility_l           (B_l fixed random, outputs x nodes_l)
 * v = momentum * v + mean_b(delta^T pre) + decay * W;   W -= rate * v      (biases likewise, without decay)
 * (rate: the learning rate times the step's schedule factor)
 * </pre>
 *
 * or, with the {@linkplain Optimizer#ADAM Adam} optimiser, Adam's step on the same direction {@code delta^T pre}.
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
    private final Optimizer optimizer;

    /** A rule with the momentum optimiser. */
    public DirectFeedbackAlignmentRule(double learningRate, double momentum, double weightDecay) {
        this(learningRate, momentum, weightDecay, Optimizer.MOMENTUM);
    }

    /**
     * @param learningRate step size, finite and positive
     * @param momentum in [0, 1) (Adam's beta1 with {@link Optimizer#ADAM})
     * @param weightDecay L2 decay (decoupled with Adam), finite and non-negative
     * @param optimizer how the direction becomes a weight change
     */
    public DirectFeedbackAlignmentRule(double learningRate, double momentum, double weightDecay,
            Optimizer optimizer) {
        this.learningRate = RuleParameters.positive("learningRate", learningRate);
        this.momentum = RuleParameters.fraction("momentum", momentum);
        this.weightDecay = RuleParameters.nonNegative("weightDecay", weightDecay);
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
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

    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return new State(shape, seed);
    }

    private final class State implements RuleState {
        private final NetworkShape shape;
        /** Per hidden layer l: {@code outputs x nodes(l)}, fixed for the life of the state. */
        private final float[][] feedback;
        private final Descent descent;
        private float[] delta = new float[0];

        State(NetworkShape shape, long seed) {
            this.shape = shape;
            int layers = shape.weightLayerCount();
            int outputs = shape.width(layers);
            SplittableRandom random = new SplittableRandom(seed);
            feedback = new float[layers - 1][];
            descent = optimizer.create(shape, momentum, weightDecay);
            for (int l = 0; l < layers; l++) {
                int nodes = shape.width(l + 1);
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
            descent.requireShape(step);
            MatrixMath math = step.math();
            int batch = step.batchSize();
            int readout = step.layerCount() - 1;
            int outputs = shape.width(readout + 1);
            float[] error = step.outputError();
            float rate = learningRate * step.rateFactor();
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
                descend(math, layer, delta, batch, l, rate);
            }
            descend(math, step.layer(readout), error, batch, readout, rate);
        }

        private void descend(MatrixMath math, LayerSignals layer, float[] layerDelta, int batch, int l, float rate) {
            descent.descend(math, layer, l, layerDelta, layer.pre(), batch, rate);
        }
    }
}

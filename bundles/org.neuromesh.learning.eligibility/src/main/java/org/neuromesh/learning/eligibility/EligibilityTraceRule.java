package org.neuromesh.learning.eligibility;

import java.util.Objects;

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
 * The three-factor eligibility-trace rule, NeuroMesh's default: a weight changes in proportion to its
 * pre-synaptic activity, the eligibility of its node, and the modulatory (error or reward) signal the engine
 * delivers forward to that node, summed over the batch, with momentum:
 *
 * <pre>
 * g[j][i] = mean_b( modulation[b][j] * eligibility[b][j] * pre[b][i] ) - decay * W[j][i]
 * v = momentum * v + g;   W += rate_t * v        (and likewise for the biases, without decay)
 * rate_t = rate / (1 + rateDecay * t) * schedule    (t counts the batches learned; schedule: the step's rateFactor)
 * </pre>
 *
 * or, with the {@linkplain Optimizer#ADAM Adam} optimiser, Adam's step on the same direction {@code g}.
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
    private final Optimizer optimizer;

    /** A rule with a constant learning rate. */
    public EligibilityTraceRule(double learningRate, double weightDecay, double momentum) {
        this(learningRate, weightDecay, momentum, 0);
    }

    /** A rule with the momentum optimiser. */
    public EligibilityTraceRule(double learningRate, double weightDecay, double momentum, double rateDecay) {
        this(learningRate, weightDecay, momentum, rateDecay, Optimizer.MOMENTUM);
    }

    /**
     * @param learningRate step size, finite and positive
     * @param weightDecay L2 decay (decoupled with Adam), finite and non-negative
     * @param momentum in [0, 1) (Adam's beta1 with {@link Optimizer#ADAM})
     * @param rateDecay how fast the step size falls with the batches learned, finite and non-negative
     * @param optimizer how the direction becomes a weight change
     */
    public EligibilityTraceRule(double learningRate, double weightDecay, double momentum, double rateDecay,
            Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.learningRate = RuleParameters.positive("learningRate", learningRate);
        this.weightDecay = RuleParameters.nonNegative("weightDecay", weightDecay);
        this.momentum = RuleParameters.fraction("momentum", momentum);
        this.rateDecay = RuleParameters.nonNegative("rateDecay", rateDecay);
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

    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        // Deterministic: the seed is not needed.
        return new State(shape);
    }

    private final class State implements RuleState {
        private final Descent descent;
        private float[] gate = new float[0];
        private long batches;

        State(NetworkShape shape) {
            descent = optimizer.create(shape, momentum, weightDecay);
        }

        @Override
        public void learn(LearningStep step) {
            descent.requireShape(step);
            float rate = (float) (learningRate / (1 + rateDecay * batches++)) * step.rateFactor();
            for (int l = 0; l < step.layerCount(); l++) {
                update(step.math(), step.layer(l), step.batchSize(), l, rate);
            }
        }

        private void update(MatrixMath math, LayerSignals signals, int batch, int l, float rate) {
            int nodes = signals.nodeCount();
            if (gate.length < batch * nodes) {
                gate = new float[batch * nodes]; // grows once to the largest batch x layer
            }
            float[] modulation = signals.modulation();
            float[] eligibility = signals.eligibility();
            // the modulation points down the loss; the shared descent takes the direction up it
            for (int k = 0; k < batch * nodes; k++) {
                gate[k] = -modulation[k] * eligibility[k];
            }
            descent.descend(math, signals, l, gate, signals.pre(), batch, rate);
        }
    }
}

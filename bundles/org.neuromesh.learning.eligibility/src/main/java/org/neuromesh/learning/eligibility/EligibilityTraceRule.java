package org.neuromesh.learning.eligibility;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;

/**
 * The three-factor eligibility-trace rule, NeuroMesh's default: a weight changes in proportion to its
 * pre-synaptic activity, the eligibility of its node, and the modulatory (error or reward) signal delivered
 * forward to that node, averaged over the batch:
 *
 * <pre>
 * dW[j][i] = rate * mean_b( modulation[b][j] * eligibility[b][j] * pre[b][i] ) - decay * rate * W[j][i]
 * db[j]    = rate * mean_b( modulation[b][j] * eligibility[b][j] )
 * </pre>
 *
 * Nothing flows backwards: every factor is available at the node during the forward pass.
 */
public final class EligibilityTraceRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "eligibility";

    private static final RuleInfo INFO = new RuleInfo(NAME, "Eligibility-trace three-factor rule", true,
            "NeuroMesh; three-factor rules after Fremaux and Gerstner 2016");

    private final float learningRate;
    private final float weightDecay;

    /**
     * @param learningRate step size, finite and positive
     * @param weightDecay L2 decay per step relative to the learning rate, finite and non-negative
     */
    public EligibilityTraceRule(double learningRate, double weightDecay) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be zero or positive, got " + weightDecay);
        }
        this.learningRate = (float) learningRate;
        this.weightDecay = (float) weightDecay;
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

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        // The rule keeps no per-network state beyond a scratch row; the seed is not needed.
        int widest = 0;
        for (int width : shape.layerSizes()) {
            widest = Math.max(widest, width);
        }
        float[] gate = new float[widest];
        return step -> {
            for (int layer = 0; layer < step.layerCount(); layer++) {
                update(step.layer(layer), step.batchSize(), gate);
            }
        };
    }

    private void update(LayerSignals signals, int batch, float[] gate) {
        int inputs = signals.inputCount();
        int nodes = signals.nodeCount();
        float[] pre = signals.pre();
        float[] eligibility = signals.eligibility();
        float[] modulation = signals.modulation();
        float[] weights = signals.weights();
        float[] bias = signals.bias();
        float scale = learningRate / batch;
        float keep = 1f - learningRate * weightDecay;
        if (keep != 1f) {
            for (int k = 0; k < weights.length; k++) {
                weights[k] *= keep;
            }
        }
        for (int b = 0; b < batch; b++) {
            int nodeRow = b * nodes;
            int inputRow = b * inputs;
            for (int j = 0; j < nodes; j++) {
                gate[j] = scale * modulation[nodeRow + j] * eligibility[nodeRow + j];
            }
            for (int j = 0; j < nodes; j++) {
                float g = gate[j];
                if (g == 0f) {
                    continue; // silent, ineligible nodes do not learn; skipping them is the common case
                }
                bias[j] += g;
                int w = j * inputs;
                for (int i = 0; i < inputs; i++) {
                    weights[w + i] += g * pre[inputRow + i];
                }
            }
        }
    }
}

package org.neuromesh.learning.pepita;

import java.util.SplittableRandom;

import org.neuromesh.api.learning.ForwardPass;
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
 * PEPITA, "Present the Error to Perturb the Input To modulate Activity" (Dellaferrera and Kreiman 2022): instead
 * of a backward pass, a second forward pass runs on the input shifted by the output error sent through a fixed
 * random matrix F, and every layer learns from how its activity changed between the two passes:
 *
 * <pre>
 * x_mod   = x + e . F^T                     (F: inputs x outputs, fixed; e = softmax - one-hot)
 * h_l_mod = the layers' activity on x_mod   (h_0_mod = x_mod)
 * hidden:  dW_l = mean_b((h_l - h_l_mod)^T . h_{l-1}_mod)
 * readout: dW_L = mean_b(e^T . h_{L-1}_mod)
 * v = momentum * v + dW;   W -= rate * v                          (biases likewise)
 * </pre>
 *
 * The sign follows the paper's algorithm (input plus the projected error); F's sign is random anyway, so the
 * forward weights align with whatever F they get. F is uniform in {@code +-feedbackScale * sqrt(6 / outputs)}:
 * He-uniform for F's own fan-in (the error's width), scaled down (by 0.05 in the paper) so that the shifted input
 * stays close to the image.
 */
public final class PepitaRule implements LearningRule {

    /** The name this rule is registered under. */
    public static final String NAME = "pepita";

    private static final RuleInfo INFO = new RuleInfo(NAME, "PEPITA (error-driven input modulation)", true,
            "Dellaferrera and Kreiman 2022, Error-driven Input Modulation: Solving the Credit Assignment Problem"
                    + " without a Backward Pass");

    private final float learningRate;
    private final float momentum;
    private final float feedbackScale;

    /**
     * @param learningRate step size, finite and positive
     * @param momentum in [0, 1)
     * @param feedbackScale scale of F relative to He-uniform, finite and positive (0.05 in the paper)
     */
    public PepitaRule(double learningRate, double momentum, double feedbackScale) {
        this.learningRate = RuleParameters.positive("learningRate", learningRate);
        this.momentum = RuleParameters.fraction("momentum", momentum);
        this.feedbackScale = RuleParameters.positive("feedbackScale", feedbackScale);
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

    public float feedbackScale() {
        return feedbackScale;
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return new State(shape, seed);
    }

    /** F, {@code inputs x outputs}, uniform in {@code +-scale * sqrt(6 / outputs)}; the same for the same seed. */
    static float[] projection(int inputs, int outputs, double scale, long seed) {
        float[] matrix = new float[inputs * outputs];
        double limit = scale * Math.sqrt(6.0 / outputs);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextDouble(-limit, limit);
        }
        return matrix;
    }

    private final class State implements RuleState {
        private final NetworkShape shape;
        /** {@code inputs x outputs}, fixed for the life of the state. */
        private final float[] projection;
        private final MomentumDescent descent;
        private float[] modulatedInput = new float[0];
        private float[] delta = new float[0];

        State(NetworkShape shape, long seed) {
            this.shape = shape;
            int layers = shape.weightLayerCount();
            int inputs = shape.width(0);
            int outputs = shape.width(layers);
            projection = projection(inputs, outputs, feedbackScale, seed);
            descent = new MomentumDescent(shape, momentum, 0f);
        }

        /** The schedule's factor for the batch being learned. */
        private float rateFactor = 1f;

        @Override
        public void learn(LearningStep step) {
            descent.requireShape(step);
            rateFactor = step.rateFactor();
            MatrixMath math = step.math();
            int batch = step.batchSize();
            int readout = step.layerCount() - 1;
            int inputs = shape.width(0);
            int outputs = shape.width(readout + 1);
            float[] error = step.outputError();
            if (modulatedInput.length < batch * inputs) {
                modulatedInput = new float[batch * inputs]; // grows once to the largest batch
            }
            System.arraycopy(step.input(), 0, modulatedInput, 0, batch * inputs);
            math.multiplyTransposedB(batch, inputs, outputs, error, projection, modulatedInput, 1f);
            if (readout == 0) {
                // no hidden layer: the readout's modulated input is x_mod itself, no second pass is needed
                descend(math, step.layer(0), error, modulatedInput, batch, 0);
                return;
            }
            ForwardPass modulated = step.forward(modulatedInput);
            // Every update reads only the two passes, which are complete, so changing W_l in place before
            // W_{l+1} is the same as changing all at once.
            for (int l = 0; l < readout; l++) {
                LayerSignals layer = step.layer(l);
                int size = batch * layer.nodeCount();
                if (delta.length < size) {
                    delta = new float[size];
                }
                float[] plain = layer.post();
                float[] shifted = modulated.output(l);
                for (int k = 0; k < size; k++) {
                    delta[k] = plain[k] - shifted[k];
                }
                descend(math, layer, delta, l == 0 ? modulatedInput : modulated.output(l - 1), batch, l);
            }
            descend(math, step.layer(readout), error, modulated.output(readout - 1), batch, readout);
        }

        private void descend(MatrixMath math, LayerSignals layer, float[] layerDelta, float[] pre, int batch,
                int l) {
            float rate = learningRate * rateFactor;
            descent.descend(math, layer, l, layerDelta, pre, batch, rate);
        }
    }
}

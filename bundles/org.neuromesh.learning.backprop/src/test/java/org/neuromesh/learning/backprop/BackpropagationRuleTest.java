package org.neuromesh.learning.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ArrayStep;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.Propagation;

class BackpropagationRuleTest {

    /** Gates that pass any positive current and never adapt: the network is a plain ReLU network. */
    private static final GatingParameters RELU = new GatingParameters(1e-6f, 1e9f, 0f, 0f, 0f, 0f);

    private final MatrixKernels math = Kernels.scalar(1);

    @AfterEach
    void close() {
        math.close();
    }

    /** The readout alone: 2 inputs -> 2 outputs, batch of 2. */
    private ArrayStep readoutStep() {
        ArrayStep step = new ArrayStep(2, 2, 2, math);
        System.arraycopy(new float[] { 1f, 2f, /* sample 2 */ 3f, 0f }, 0, step.input, 0, 4);
        System.arraycopy(new float[] { 0.5f, -0.5f, -0.2f, 0.2f }, 0, step.outputError, 0, 4);
        System.arraycopy(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, 0, step.weights, 0, 4);
        return step;
    }

    @Test
    void readoutDescendsTheBatchMeanOfErrorTimesInput() {
        // given the default plain SGD at rate 0.1
        RuleState state = new BackpropagationRule(0.1, 0, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        // when it learns one batch
        state.learn(step);
        // then, by hand: dW[j][i] = -0.1 * mean_b(e[b][j] * x[b][i])
        // e0*x0: (0.5*1 - 0.2*3)/2 = -0.05, e0*x1: (0.5*2 + 0)/2 = 0.5,
        // e1*x0: (-0.5*1 + 0.2*3)/2 = 0.05, e1*x1: (-0.5*2 + 0)/2 = -0.5
        assertArrayEquals(new float[] { 0.105f, 0.15f, 0.295f, 0.45f }, step.weights, 1e-6f);
        assertArrayEquals(new float[] { -0.015f, 0.015f }, step.bias, 1e-6f);
    }

    @Test
    void momentumAndDecayWorkAsInPyTorchSgd() {
        // given momentum 0.5 and decay 0.5 at rate 0.1
        RuleState state = new BackpropagationRule(0.1, 0.5, 0.5).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        // when the same batch is learned twice
        state.learn(step);
        float first = step.weights[0];
        state.learn(step);
        // then v1 = g + 0.5 * w (g = -0.05 for w00), w1 = w - 0.1 * v1; v2 = 0.5 * v1 + g + 0.5 * w1
        float v1 = -0.05f + 0.5f * 0.1f;
        assertEquals(0.1f - 0.1f * v1, first, 1e-6f);
        float v2 = 0.5f * v1 - 0.05f + 0.5f * first;
        assertEquals(first - 0.1f * v2, step.weights[0], 1e-6f);
    }

    @Test
    void weightChangesAreMinusRateTimesTheGradientOfTheMeanLoss() {
        // given a 4-3-2 rectifier network, a batch of 3, and the rule at rate 1 so the change is the gradient
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(4, 3, 2), RELU, 4);
        Propagation pass = new Propagation(network, math, 3);
        float[] input = { 0.9f, 0.1f, 0.5f, 0.7f, 0.2f, 0.8f, 0.6f, 0.3f, 0.4f, 0.4f, 0.9f, 0.1f };
        int[] labels = { 0, 1, 1 };
        float[][] before = parameters(pass);
        // when it learns one batch
        pass.forward(input, labels, 3, true);
        new BackpropagationRule(1, 0, 0).begin(network.shape(), 1).learn(pass);
        float[][] after = parameters(pass);
        restore(pass, before);
        // then every weight and bias moved by minus the central difference of the mean cross-entropy
        double eps = 1e-2;
        int checked = 0;
        for (int p = 0; p < before.length; p++) {
            float[] live = live(pass, p);
            for (int i = 0; i < live.length; i++) {
                float original = live[i];
                live[i] = (float) (original + eps);
                pass.forward(input, labels, 3, false);
                double plus = pass.lossSum() / 3;
                live[i] = (float) (original - eps);
                pass.forward(input, labels, 3, false);
                double minus = pass.lossSum() / 3;
                live[i] = original;
                double expected = -(plus - minus) / (2 * eps);
                assertEquals(expected, after[p][i] - before[p][i], 2e-5,
                        "parameter " + i + " of array " + p + " (weights, bias; hidden, readout)");
                checked += expected != 0 ? 1 : 0;
            }
        }
        // and the check was not vacuous: every parameter has a gradient (each hidden node released for some sample)
        assertEquals(23, checked, "parameters with a gradient");
    }

    private static float[] live(Propagation pass, int p) {
        return p % 2 == 0 ? pass.layer(p / 2).weights() : pass.layer(p / 2).bias();
    }

    private static float[][] parameters(Propagation pass) {
        float[][] copy = new float[2 * pass.layerCount()][];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = live(pass, p).clone();
        }
        return copy;
    }

    private static void restore(Propagation pass, float[][] saved) {
        for (int p = 0; p < saved.length; p++) {
            System.arraycopy(saved[p], 0, live(pass, p), 0, saved[p].length);
        }
    }

    @Test
    void aStepOfAnotherShapeIsRefusedWithBothShapes() {
        // given a rule begun for 3 inputs
        RuleState state = new BackpropagationRule(0.1, 0, 0).begin(NetworkShape.of(3, 2), 1);
        // when a 2-input step arrives, then the error names the sizes
        var error = assertThrows(IllegalStateException.class, () -> state.learn(readoutStep()));
        assertTrue(error.getMessage().contains("2 x 2"), error.getMessage());
        assertTrue(error.getMessage().contains("[3, 2]"), error.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new BackpropagationRule(0, 0, 0));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var infiniteRate = assertThrows(IllegalArgumentException.class,
                () -> new BackpropagationRule(Double.POSITIVE_INFINITY, 0, 0));
        assertTrue(infiniteRate.getMessage().contains("learningRate"), infiniteRate.getMessage());
        var negativeMomentum = assertThrows(IllegalArgumentException.class,
                () -> new BackpropagationRule(0.1, -0.1, 0));
        assertTrue(negativeMomentum.getMessage().contains("momentum"), negativeMomentum.getMessage());
        var nanDecay = assertThrows(IllegalArgumentException.class, () -> new BackpropagationRule(0.1, 0, Double.NaN));
        assertTrue(nanDecay.getMessage().contains("weightDecay"), nanDecay.getMessage());
    }

    @Test
    void saysItIsAReferenceThatIsNotForwardOnly() {
        var info = new BackpropagationRule(0.1, 0, 0).info();
        assertEquals("backprop-reference", info.name());
        assertEquals("Backpropagation (reference only)", info.displayName());
        assertEquals("Rumelhart, Hinton and Williams 1986; for comparison only", info.reference());
        assertFalse(info.forwardOnly());
        assertFalse(info.learnsSequences());
    }
}

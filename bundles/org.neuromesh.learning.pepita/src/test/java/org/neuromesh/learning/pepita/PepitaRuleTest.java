package org.neuromesh.learning.pepita;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.ForwardPass;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ArrayStep;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.Propagation;

class PepitaRuleTest {

    /** Gates that pass any positive current and never adapt: the network is a plain ReLU network. */
    private static final GatingParameters RELU = new GatingParameters(1e-6f, 1e9f, 0f, 0f, 0f, 0f);

    private final MatrixKernels math = Kernels.scalar(1);

    @AfterEach
    void close() {
        math.close();
    }

    @Test
    void theProjectionIsHeUniformForTheErrorWidthScaledDown() {
        // given F for 784 inputs and 10 outputs at the paper's scale 0.05
        float[] f = PepitaRule.projection(784, 10, 0.05, 3);
        // then every entry lies within 0.05 * sqrt(6 / 10), the extremes come close to it, and the seed decides F
        double limit = 0.05 * Math.sqrt(0.6);
        double max = 0;
        for (float v : f) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= limit && max > 0.99 * limit, "largest |F| " + max + " for limit " + limit);
        assertArrayEquals(f, PepitaRule.projection(784, 10, 0.05, 3));
        assertFalse(Arrays.equals(f, PepitaRule.projection(784, 10, 0.05, 4)));
    }

    @Test
    void readoutDescendsErrorTimesTheModulatedInput() {
        // given a readout alone, 2 inputs -> 2 outputs, batch of 2, and the rule at rate 0.1 without momentum
        ArrayStep step = new ArrayStep(2, 2, 2, math);
        float[] x = { 1f, 2f, /* sample 2 */ 3f, 0f };
        float[] e = { 0.5f, -0.5f, -0.2f, 0.2f };
        System.arraycopy(x, 0, step.input, 0, 4);
        System.arraycopy(e, 0, step.outputError, 0, 4);
        RuleState state = new PepitaRule(0.1, 0, 0.05).begin(NetworkShape.of(2, 2), 3);
        // when it learns one batch
        state.learn(step);
        // then, by hand: x_mod[b][i] = x[b][i] + sum_o F[i][o] e[b][o]; dW[j][i] = -0.1 * mean_b(e[b][j] x_mod[b][i])
        float[] f = PepitaRule.projection(2, 2, 0.05, 3);
        float[] xMod = new float[4];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                xMod[b * 2 + i] = x[b * 2 + i] + f[i * 2] * e[b * 2] + f[i * 2 + 1] * e[b * 2 + 1];
            }
        }
        float[] expected = new float[4];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                expected[j * 2 + i] = -0.1f * (e[j] * xMod[i] + e[2 + j] * xMod[2 + i]) / 2;
            }
        }
        assertArrayEquals(expected, step.weights, 1e-6f);
        assertArrayEquals(new float[] { -0.015f, 0.015f }, step.bias, 1e-6f);
    }

    @Test
    void hiddenLayersLearnFromHowTheirActivityChangedBetweenThePasses() {
        // given a 3-4-2 rectifier network after its main pass, watched by a step that records the second pass
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(3, 4, 2), RELU, 5);
        Propagation pass = new Propagation(network, math, 2);
        pass.forward(new float[] { 1f, 0.5f, 0.2f, 0.3f, 0.9f, 0.4f }, new int[] { 0, 1 }, 2, true);
        float[] h = pass.layer(0).post().clone();
        float[] e = Arrays.copyOf(pass.outputError(), 4);
        float[][] before = { pass.layer(0).weights().clone(), pass.layer(1).weights().clone() };
        RecordingStep step = new RecordingStep(pass);
        // when the rule at rate 0.5 without momentum learns the batch
        new PepitaRule(0.5, 0, 0.05).begin(network.shape(), 9).learn(step);
        // then the second pass ran on x + e F^T, with F from the seed
        float[] f = PepitaRule.projection(3, 2, 0.05, 9);
        for (int k = 0; k < 6; k++) {
            int b = k / 3;
            int i = k % 3;
            float shift = f[i * 2] * e[b * 2] + f[i * 2 + 1] * e[b * 2 + 1];
            assertEquals(pass.input()[k] + shift, step.modulatedInput[k], 1e-6f);
        }
        // and dW_0 = -0.5 * mean_b((h - h_mod)^T x_mod), dW_1 = -0.5 * mean_b(e^T h_mod)
        float[] hMod = step.hiddenOutput;
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                float sum = 0f;
                for (int b = 0; b < 2; b++) {
                    sum += (h[b * 4 + j] - hMod[b * 4 + j]) * step.modulatedInput[b * 3 + i];
                }
                assertEquals(before[0][j * 3 + i] - 0.5f * sum / 2, pass.layer(0).weights()[j * 3 + i], 1e-6f);
            }
        }
        for (int o = 0; o < 2; o++) {
            for (int j = 0; j < 4; j++) {
                float sum = e[o] * hMod[j] + e[2 + o] * hMod[4 + j];
                assertEquals(before[1][o * 4 + j] - 0.5f * sum / 2, pass.layer(1).weights()[o * 4 + j], 1e-6f);
            }
        }
    }

    @Test
    void aStepOfAnotherShapeIsRefusedWithBothShapes() {
        // given a rule begun for 3 inputs
        RuleState state = new PepitaRule(0.1, 0, 0.05).begin(NetworkShape.of(3, 2), 1);
        // when a 2-input step arrives, then the error names the sizes
        var error = assertThrows(IllegalStateException.class, () -> state.learn(new ArrayStep(2, 2, 2, math)));
        assertTrue(error.getMessage().contains("2 x 2"), error.getMessage());
        assertTrue(error.getMessage().contains("[3, 2]"), error.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new PepitaRule(0, 0.9, 0.05));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var fullMomentum = assertThrows(IllegalArgumentException.class, () -> new PepitaRule(0.01, 1, 0.05));
        assertTrue(fullMomentum.getMessage().contains("momentum"), fullMomentum.getMessage());
        var zeroScale = assertThrows(IllegalArgumentException.class, () -> new PepitaRule(0.01, 0.9, 0));
        assertTrue(zeroScale.getMessage().contains("feedbackScale"), zeroScale.getMessage());
        var nanScale = assertThrows(IllegalArgumentException.class, () -> new PepitaRule(0.01, 0.9, Double.NaN));
        assertTrue(nanScale.getMessage().contains("feedbackScale"), nanScale.getMessage());
    }

    @Test
    void describesItselfAsForwardOnlyAndStaticOnly() {
        var info = new PepitaRule(0.01, 0.9, 0.05).info();
        assertEquals("pepita", info.name());
        assertTrue(info.forwardOnly());
        assertFalse(info.learnsSequences());
    }

    /** Passes everything through to a real step and keeps a copy of the second pass's input and hidden output. */
    private static final class RecordingStep implements LearningStep {
        private final LearningStep step;
        float[] modulatedInput;
        float[] hiddenOutput;

        RecordingStep(LearningStep step) {
            this.step = step;
        }

        @Override
        public ForwardPass forward(float[] input) {
            modulatedInput = Arrays.copyOf(input, step.batchSize() * step.layer(0).inputCount());
            ForwardPass pass = step.forward(input);
            hiddenOutput = Arrays.copyOf(pass.output(0), step.batchSize() * step.layer(0).nodeCount());
            return pass;
        }

        @Override
        public int batchSize() {
            return step.batchSize();
        }

        @Override
        public int layerCount() {
            return step.layerCount();
        }

        @Override
        public LayerSignals layer(int index) {
            return step.layer(index);
        }

        @Override
        public int timeSteps() {
            return step.timeSteps();
        }

        @Override
        public float[] input() {
            return step.input();
        }

        @Override
        public int[] labels() {
            return step.labels();
        }

        @Override
        public float[] outputError() {
            return step.outputError();
        }

        @Override
        public MatrixMath math() {
            return step.math();
        }
    }
}

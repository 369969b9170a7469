package org.neuromesh.learning.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

class ForwardForwardRuleTest {

    /** Gates that pass any positive current and never adapt: the network is a plain ReLU network. */
    private static final GatingParameters RELU = new GatingParameters(1e-6f, 1e9f, 0f, 0f, 0f, 0f);
    /** Two samples of 5 values; with 2 classes the first 2 values carry the label. */
    private static final float[] IMAGES = { 0.2f, 0.9f, 0.4f, 0.7f, 0.1f, /* sample 2 */ 0.8f, 0.3f, 0.6f, 0.5f, 0.9f };
    private static final int[] LABELS = { 0, 1 };

    private final MatrixKernels math = Kernels.scalar(1);

    @AfterEach
    void close() {
        math.close();
    }

    /** A fresh 5-3-2 rectifier network after its main pass over {@link #IMAGES}. */
    private Propagation mainPass() {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(5, 3, 2), RELU, 4);
        Propagation pass = new Propagation(network, math, 2);
        pass.forward(IMAGES, LABELS, 2, true);
        return pass;
    }

    @Test
    void readoutLearnsWithTheDeltaRuleAtItsOwnRate() {
        // given a readout alone (no hidden layer, so no extra pass) and readoutRate 0.1
        ArrayStep step = new ArrayStep(2, 2, 2, math);
        System.arraycopy(new float[] { 1f, 2f, 3f, 0f }, 0, step.input, 0, 4);
        System.arraycopy(new float[] { 0.5f, -0.5f, -0.2f, 0.2f }, 0, step.outputError, 0, 4);
        System.arraycopy(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, 0, step.weights, 0, 4);
        RuleState state = new ForwardForwardRule(5, 0.1, 1, 0).begin(NetworkShape.of(2, 2), 1);
        // when it learns one batch
        state.learn(step);
        // then dW[j][i] = 0.1 * mean_b(teach[b][j] * x[b][i]) with teach = -e, worked out by hand
        assertArrayEquals(new float[] { 0.105f, 0.15f, 0.295f, 0.45f }, step.weights, 1e-6f);
        assertArrayEquals(new float[] { -0.015f, 0.015f }, step.bias, 1e-6f);
    }

    @Test
    void positiveAndNegativeInputCarryTheRightAndAWrongLabelAsBrightAsTheImage() {
        // given a network with 2 classes, so the wrong label is the other one
        Propagation pass = mainPass();
        RecordingStep step = new RecordingStep(pass);
        // when the rule learns one batch
        new ForwardForwardRule(0.1, 0.1, 1, 0).begin(pass.network().shape(), 1).learn(step);
        // then it ran the positive and then the negative input: the labels one-hot at the brightest value (0.9)
        assertEquals(2, step.inputs.size());
        assertArrayEquals(new float[] { 0.9f, 0f, 0.4f, 0.7f, 0.1f, 0f, 0.9f, 0.6f, 0.5f, 0.9f }, step.inputs.get(0));
        assertArrayEquals(new float[] { 0f, 0.9f, 0.4f, 0.7f, 0.1f, 0.9f, 0f, 0.6f, 0.5f, 0.9f }, step.inputs.get(1));
    }

    @Test
    void hiddenLayersDescendTheGoodnessLossOfBothPasses() {
        // given the main pass, watched by a step that records both extra passes
        Propagation pass = mainPass();
        float[] weights = pass.layer(0).weights().clone();
        float[] bias = pass.layer(0).bias().clone();
        RecordingStep step = new RecordingStep(pass);
        float threshold = 0.5f;
        // when the rule at rate 0.5, threshold 0.5 and no momentum learns the batch
        new ForwardForwardRule(0.5, 0.1, threshold, 0).begin(pass.network().shape(), 1).learn(step);
        // then, per pass and sample: G = mean_j h_j^2, slope = -sigmoid(threshold - G) (positive) or
        // sigmoid(G - threshold) (negative), delta_j = slope * 2 h_j * released_j;
        // dW = -0.5 * mean_b(sum over both passes of delta^T input)
        float[] expectedWeights = weights.clone();
        float[] expectedBias = bias.clone();
        for (int p = 0; p < 2; p++) {
            float[] h = step.outputs.get(p);
            float[] released = step.released.get(p);
            for (int b = 0; b < 2; b++) {
                double g = (h[b * 3] * h[b * 3] + h[b * 3 + 1] * h[b * 3 + 1] + h[b * 3 + 2] * h[b * 3 + 2]) / 3.0;
                double slope = p == 0 ? -sigmoid(threshold - g) : sigmoid(g - threshold);
                for (int j = 0; j < 3; j++) {
                    float delta = (float) (slope * 2 * h[b * 3 + j] * released[b * 3 + j]);
                    for (int i = 0; i < 5; i++) {
                        expectedWeights[j * 5 + i] -= 0.5f * delta * step.inputs.get(p)[b * 5 + i] / 2;
                    }
                    expectedBias[j] -= 0.5f * delta / 2;
                }
            }
        }
        assertArrayEquals(expectedWeights, pass.layer(0).weights(), 1e-5f);
        assertArrayEquals(expectedBias, pass.layer(0).bias(), 1e-5f);
        assertFalse(Arrays.equals(weights, expectedWeights), "some hidden node released, so weights moved");
    }

    @Test
    void aSmallStepLowersTheGoodnessLossOfTheBatch() {
        // given the main pass and the positive and negative inputs the rule builds for it
        Propagation pass = mainPass();
        RecordingStep step = new RecordingStep(pass);
        RuleState state = new ForwardForwardRule(0.05, 0.1, 0.5, 0).begin(pass.network().shape(), 1);
        state.learn(step);
        float[] positive = step.inputs.get(0);
        float[] negative = step.inputs.get(1);
        double before = goodnessLoss(step.outputs.get(0), step.outputs.get(1), 0.5);
        // when the loss is measured again on the same inputs after the step
        float[] hPositive = pass.forward(positive).output(0).clone();
        float[] hNegative = pass.forward(negative).output(0).clone();
        // then it went down: the step followed the gradient, not against it
        double after = goodnessLoss(hPositive, hNegative, 0.5);
        assertTrue(after < before, "loss " + before + " -> " + after);
    }

    private static double goodnessLoss(float[] positive, float[] negative, double threshold) {
        double loss = 0;
        for (int b = 0; b < 2; b++) {
            double gPositive = 0;
            double gNegative = 0;
            for (int j = 0; j < 3; j++) {
                gPositive += positive[b * 3 + j] * positive[b * 3 + j] / 3.0;
                gNegative += negative[b * 3 + j] * negative[b * 3 + j] / 3.0;
            }
            loss += Math.log1p(Math.exp(threshold - gPositive)) + Math.log1p(Math.exp(gNegative - threshold));
        }
        return loss;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void networksWhoseInputCannotCarryALabelAreRefused() {
        var rule = new ForwardForwardRule(0.1, 0.1, 1, 0);
        // when the input is narrower than the classes, or there is only one class, then begin says why
        var narrow = assertThrows(IllegalArgumentException.class, () -> rule.begin(NetworkShape.of(3, 4, 5), 1));
        assertTrue(narrow.getMessage().contains("[3, 4, 5]"), narrow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rule.begin(NetworkShape.of(3, 4, 1), 1));
        // but a readout alone needs no label in its input
        rule.begin(NetworkShape.of(3, 5), 1);
    }

    @Test
    void aStepOfAnotherShapeIsRefusedWithBothShapes() {
        RuleState state = new ForwardForwardRule(0.1, 0.1, 1, 0).begin(NetworkShape.of(3, 2), 1);
        var error = assertThrows(IllegalStateException.class, () -> state.learn(new ArrayStep(2, 2, 2, math)));
        assertTrue(error.getMessage().contains("2 x 2"), error.getMessage());
        assertTrue(error.getMessage().contains("[3, 2]"), error.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new ForwardForwardRule(0, 0.1, 1, 0));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var nanReadout = assertThrows(IllegalArgumentException.class,
                () -> new ForwardForwardRule(0.1, Double.NaN, 1, 0));
        assertTrue(nanReadout.getMessage().contains("readoutRate"), nanReadout.getMessage());
        var zeroThreshold = assertThrows(IllegalArgumentException.class, () -> new ForwardForwardRule(0.1, 0.1, 0, 0));
        assertTrue(zeroThreshold.getMessage().contains("threshold"), zeroThreshold.getMessage());
        var fullMomentum = assertThrows(IllegalArgumentException.class, () -> new ForwardForwardRule(0.1, 0.1, 1, 1));
        assertTrue(fullMomentum.getMessage().contains("momentum"), fullMomentum.getMessage());
    }

    @Test
    void describesItselfAsForwardOnlyAndStaticOnly() {
        var info = new ForwardForwardRule(0.1, 0.1, 1, 0).info();
        assertEquals("forward-forward", info.name());
        assertTrue(info.forwardOnly());
        assertFalse(info.learnsSequences());
    }

    /** Passes everything through to a real step and keeps a copy of every extra pass's input and first layer. */
    private static final class RecordingStep implements LearningStep {
        private final LearningStep step;
        final List<float[]> inputs = new ArrayList<>();
        final List<float[]> outputs = new ArrayList<>();
        final List<float[]> released = new ArrayList<>();

        RecordingStep(LearningStep step) {
            this.step = step;
        }

        @Override
        public ForwardPass forward(float[] input) {
            int batch = step.batchSize();
            inputs.add(Arrays.copyOf(input, batch * step.layer(0).inputCount()));
            ForwardPass pass = step.forward(input);
            outputs.add(Arrays.copyOf(pass.output(0), batch * step.layer(0).nodeCount()));
            released.add(Arrays.copyOf(pass.released(0), batch * step.layer(0).nodeCount()));
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

package org.neuromesh.learning.dfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

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
import org.neuromesh.learning.support.Optimizer;

class DirectFeedbackAlignmentRuleTest {

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
        // given a rule with rate 0.1 and neither momentum nor decay
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        // when it learns one batch
        state.learn(step);
        // then, by hand: dW[j][i] = -0.1 * mean_b(e[b][j] * x[b][i])
        // e0*x0: (0.5*1 - 0.2*3)/2 = -0.05, e0*x1: (0.5*2 + 0)/2 = 0.5,
        // e1*x0: (-0.5*1 + 0.2*3)/2 = 0.05, e1*x1: (-0.5*2 + 0)/2 = -0.5
        assertArrayEquals(new float[] { 0.105f, 0.15f, 0.295f, 0.45f }, step.weights, 1e-6f);
        // and the biases by the mean error: -0.1 * 0.15, -0.1 * -0.15
        assertArrayEquals(new float[] { -0.015f, 0.015f }, step.bias, 1e-6f);
    }

    @Test
    void momentumRepeatsPartOfThePreviousChange() {
        // given momentum 0.5
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0.5, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        // when the same batch is learned twice
        state.learn(step);
        state.learn(step);
        // then the second change is 1.5 times the first: w00 = 0.1 + 0.005 + 0.0075
        assertEquals(0.1125f, step.weights[0], 1e-6f);
    }

    @Test
    void theSchedulesFactorScalesTheStep() {
        // given the readout batch of the first test, offered with a schedule factor of 0.5
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        step.rateFactor = 0.5f;
        // when it learns
        state.learn(step);
        // then every change is half of what rate 0.1 gives: 0.1 + 0.5 * 0.005, ...
        assertArrayEquals(new float[] { 0.1025f, 0.175f, 0.2975f, 0.425f }, step.weights, 1e-6f);
        assertArrayEquals(new float[] { -0.0075f, 0.0075f }, step.bias, 1e-6f);
    }

    @Test
    void withAdamTheFirstStepIsTheRateInTheGradientsSign() {
        // given the Adam optimiser: its bias-corrected first step is rate * g / |g| for every weight
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0.9, 0, Optimizer.ADAM).begin(NetworkShape.of(2, 2),
                1);
        ArrayStep step = readoutStep();
        // when it learns one batch (mean gradients -0.05, 0.5, 0.05, -0.5; biases 0.15, -0.15)
        state.learn(step);
        // then every weight and bias moved by 0.1 against its gradient
        assertArrayEquals(new float[] { 0.2f, 0.1f, 0.2f, 0.5f }, step.weights, 1e-6f);
        assertArrayEquals(new float[] { -0.1f, 0.1f }, step.bias, 1e-6f);
    }

    @Test
    void weightDecayShrinksWeightsWithoutError() {
        // given decay 0.5 at rate 0.1 and no error
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0, 0.5).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = readoutStep();
        Arrays.fill(step.outputError, 0f);
        // when it learns
        state.learn(step);
        // then each weight is scaled by 1 - 0.1 * 0.5
        assertArrayEquals(new float[] { 0.095f, 0.19f, 0.285f, 0.38f }, step.weights, 1e-6f);
    }

    @Test
    void hiddenNodesThatStayedSilentDoNotLearn() {
        // given a 3-4-2 network whose hidden node 0 can never release (a large negative bias)
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(3, 4, 2), RELU, 5);
        Propagation pass = new Propagation(network, math, 2);
        pass.layer(0).bias()[0] = -100f;
        float[] before = pass.layer(0).weights().clone();
        RuleState state = new DirectFeedbackAlignmentRule(0.5, 0, 0).begin(network.shape(), 9);
        // when it learns one batch
        pass.forward(new float[] { 1f, 0.5f, 0.2f, 0.3f, 0.9f, 0.4f }, new int[] { 0, 1 }, 2, true);
        state.learn(pass);
        // then node 0's weights are unchanged (its eligibility was 0) and the other nodes' weights moved
        float[] after = pass.layer(0).weights();
        assertArrayEquals(Arrays.copyOfRange(before, 0, 3), Arrays.copyOfRange(after, 0, 3));
        assertEquals(-100f, pass.layer(0).bias()[0]);
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, 3, 12), Arrays.copyOfRange(after, 3, 12)));
    }

    @Test
    void theFeedbackMatricesFollowTheSeed() {
        // given the same network and batch trained by states begun with seeds 9, 9 and 10
        float[][] hidden = new float[3][];
        float[][] readout = new float[3][];
        long[] seeds = { 9, 9, 10 };
        for (int run = 0; run < 3; run++) {
            GatingNetwork network = GatingNetwork.create(NetworkShape.of(3, 4, 2), RELU, 5);
            Propagation pass = new Propagation(network, math, 2);
            pass.forward(new float[] { 1f, 0.5f, 0.2f, 0.3f, 0.9f, 0.4f }, new int[] { 0, 1 }, 2, true);
            new DirectFeedbackAlignmentRule(0.5, 0, 0).begin(network.shape(), seeds[run]).learn(pass);
            hidden[run] = pass.layer(0).weights().clone();
            readout[run] = pass.layer(1).weights().clone();
        }
        // then equal seeds give equal hidden updates, another seed another one; the readout ignores the seed
        assertArrayEquals(hidden[0], hidden[1]);
        assertFalse(Arrays.equals(hidden[0], hidden[2]));
        assertArrayEquals(readout[0], readout[2]);
    }

    @Test
    void aStepOfAnotherShapeIsRefusedWithBothShapes() {
        // given a rule begun for 3 inputs
        RuleState state = new DirectFeedbackAlignmentRule(0.1, 0, 0).begin(NetworkShape.of(3, 2), 1);
        // when a 2-input step arrives, then the error names the sizes
        var error = assertThrows(IllegalStateException.class, () -> state.learn(readoutStep()));
        assertTrue(error.getMessage().contains("2 x 2"), error.getMessage());
        assertTrue(error.getMessage().contains("[3, 2]"), error.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new DirectFeedbackAlignmentRule(0, 0, 0));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var nanRate = assertThrows(IllegalArgumentException.class,
                () -> new DirectFeedbackAlignmentRule(Double.NaN, 0, 0));
        assertTrue(nanRate.getMessage().contains("learningRate"), nanRate.getMessage());
        var fullMomentum = assertThrows(IllegalArgumentException.class,
                () -> new DirectFeedbackAlignmentRule(0.1, 1, 0));
        assertTrue(fullMomentum.getMessage().contains("momentum"), fullMomentum.getMessage());
        var negativeDecay = assertThrows(IllegalArgumentException.class,
                () -> new DirectFeedbackAlignmentRule(0.1, 0, -1));
        assertTrue(negativeDecay.getMessage().contains("weightDecay"), negativeDecay.getMessage());
    }

    @Test
    void describesItselfAsForwardOnlyAndStaticOnly() {
        var info = new DirectFeedbackAlignmentRule(0.1, 0, 0).info();
        assertEquals("direct-feedback", info.name());
        assertTrue(info.forwardOnly());
        assertFalse(info.learnsSequences());
    }
}

package org.neuromesh.learning.eligibility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ArrayStep;
import org.neuromesh.learning.support.Optimizer;

class EligibilityTraceRuleTest {

    private final MatrixKernels math = Kernels.scalar(1);

    @AfterEach
    void close() {
        math.close();
    }

    /** One layer of 2 inputs -> 2 nodes, batch of 2. */
    private ArrayStep step() {
        ArrayStep step = new ArrayStep(2, 2, 2, math);
        System.arraycopy(new float[] { 1f, 2f, /* sample 2 */ 3f, 0f }, 0, step.input, 0, 4);
        System.arraycopy(new float[] { 1f, 0.5f, 0f, 1f }, 0, step.eligibility, 0, 4);
        System.arraycopy(new float[] { 0.5f, -1f, 2f, 1f }, 0, step.modulation, 0, 4);
        System.arraycopy(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, 0, step.weights, 0, 4);
        return step;
    }

    @Test
    void weightChangeIsRateTimesBatchMeanOfModulationEligibilityAndPre() {
        // given a rule with rate 0.1, no decay, no momentum
        RuleState state = new EligibilityTraceRule(0.1, 0, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        // when it learns one batch
        state.learn(step);
        // then, by hand: gate[b][j] = m * e; change = 0.1 * mean_b(gate * pre)
        // sample 1: node0 gate 0.5, node1 gate -0.5; sample 2: node0 gate 0, node1 gate 1
        // w00 += 0.05*(0.5*1), w01 += 0.05*(0.5*2), w10 += 0.05*(-0.5*1 + 1*3), w11 += 0.05*(-0.5*2 + 0)
        assertArrayEquals(new float[] { 0.125f, 0.25f, 0.425f, 0.35f }, step.weights, 1e-6f);
        assertArrayEquals(new float[] { 0.025f, 0.025f }, step.bias, 1e-6f);
    }

    @Test
    void momentumRepeatsPartOfThePreviousChange() {
        // given momentum 0.5 and a batch that is learned twice
        RuleState state = new EligibilityTraceRule(0.1, 0, 0.5).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        // when it learns the same batch twice
        state.learn(step);
        state.learn(step);
        // then the second change is 1.5 times the first: w00 = 0.1 + 0.025 + 0.0375
        assertEquals(0.1625f, step.weights[0], 1e-6f);
    }

    @Test
    void theRateFallsWithTheBatchesLearned() {
        // given rate decay 1: the second batch is learned at half the rate
        RuleState state = new EligibilityTraceRule(0.1, 0, 0, 1).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        // when it learns the same batch twice
        state.learn(step);
        state.learn(step);
        // then w00 changed by 0.025 and then 0.0125
        assertEquals(0.1375f, step.weights[0], 1e-6f);
    }

    @Test
    void theSchedulesFactorMultipliesTheDecayedRate() {
        // given rate decay 1 and a schedule factor of 0.5 on the second batch
        RuleState state = new EligibilityTraceRule(0.1, 0, 0, 1).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        // when it learns the same batch twice
        state.learn(step);
        step.rateFactor = 0.5f;
        state.learn(step);
        // then w00 changed by 0.025 and then 0.025 / 2 * 0.5
        assertEquals(0.13125f, step.weights[0], 1e-6f);
    }

    @Test
    void adamTakesTheRateInTheDirectionOfTheSignal() {
        // given the Adam optimiser: its bias-corrected first step is the rate times the sign of the change
        RuleState state = new EligibilityTraceRule(0.1, 0, 0.9, 0, Optimizer.ADAM).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        // when it learns one batch (the changes of the first test: w00, w01, w10 grow, w11 shrinks)
        state.learn(step);
        // then each weight moved by 0.1 that way
        assertArrayEquals(new float[] { 0.2f, 0.3f, 0.4f, 0.3f }, step.weights, 1e-6f);
    }

    @Test
    void ineligibleNodesDoNotLearn() {
        // given every eligibility at zero
        RuleState state = new EligibilityTraceRule(0.5, 0, 0.9).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        Arrays.fill(step.eligibility, 0f);
        // when it learns
        state.learn(step);
        // then nothing changed
        assertArrayEquals(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, step.weights);
        assertArrayEquals(new float[] { 0f, 0f }, step.bias);
    }

    @Test
    void weightDecayShrinksWeightsWithoutSignal() {
        // given decay 0.5 at rate 0.1 and no modulation
        RuleState state = new EligibilityTraceRule(0.1, 0.5, 0).begin(NetworkShape.of(2, 2), 1);
        ArrayStep step = step();
        Arrays.fill(step.modulation, 0f);
        // when it learns
        state.learn(step);
        // then each weight is scaled by 1 - 0.1*0.5
        assertArrayEquals(new float[] { 0.095f, 0.19f, 0.285f, 0.38f }, step.weights, 1e-6f);
    }

    @Test
    void aStepOfAnotherShapeIsRefusedWithBothShapes() {
        // given a rule begun for 3 inputs
        RuleState state = new EligibilityTraceRule(0.1, 0, 0).begin(NetworkShape.of(3, 2), 1);
        // when a 2-input step arrives, then the error names the sizes
        var error = assertThrows(IllegalStateException.class, () -> state.learn(step()));
        assertTrue(error.getMessage().contains("2 x 2"), error.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(0, 0, 0));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var nanRate = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(Double.NaN, 0, 0));
        assertTrue(nanRate.getMessage().contains("learningRate"), nanRate.getMessage());
        var negativeDecay = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(0.1, -1, 0));
        assertTrue(negativeDecay.getMessage().contains("weightDecay"), negativeDecay.getMessage());
        var fullMomentum = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(0.1, 0, 1));
        assertTrue(fullMomentum.getMessage().contains("momentum"), fullMomentum.getMessage());
    }

    @Test
    void describesItselfAsForwardOnlyAndSequenceCapable() {
        var info = new EligibilityTraceRule(0.1, 0, 0).info();
        assertEquals("eligibility", info.name());
        assertTrue(info.forwardOnly());
        assertTrue(info.learnsSequences());
    }
}

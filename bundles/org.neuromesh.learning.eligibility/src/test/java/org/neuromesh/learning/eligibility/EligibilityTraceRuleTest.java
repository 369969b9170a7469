package org.neuromesh.learning.eligibility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleState;

class EligibilityTraceRuleTest {

    /** One layer of 2 inputs -> 2 nodes, batch of 2, all arrays set by hand. */
    private static final class Layer implements LayerSignals, LearningStep {
        final float[] pre = { 1f, 2f, /* sample 2 */ 3f, 0f };
        final float[] post = { 1f, 0f, 1f, 1f };
        final float[] eligibility = { 1f, 0.5f, 0f, 1f };
        final float[] modulation = { 0.5f, -1f, 2f, 1f };
        final float[] weights = { 0.1f, 0.2f, 0.3f, 0.4f };
        final float[] bias = { 0f, 0f };

        @Override public int inputCount() { return 2; }
        @Override public int nodeCount() { return 2; }
        @Override public float[] pre() { return pre; }
        @Override public float[] post() { return post; }
        @Override public float[] eligibility() { return eligibility; }
        @Override public float[] modulation() { return modulation; }
        @Override public float[] weights() { return weights; }
        @Override public float[] bias() { return bias; }
        @Override public int batchSize() { return 2; }
        @Override public int layerCount() { return 1; }
        @Override public LayerSignals layer(int index) { return this; }
    }

    @Test
    void weightChangeIsRateTimesBatchMeanOfModulationEligibilityAndPre() {
        // given a rule with rate 0.1 and no decay
        RuleState state = new EligibilityTraceRule(0.1, 0).begin(NetworkShape.of(2, 2), 1);
        Layer layer = new Layer();
        // when it learns one batch
        state.learn(layer);
        // then, by hand: gate[b][j] = 0.1/2 * m * e
        // sample 1: node0 gate = 0.05*0.5*1 = 0.025, node1 gate = 0.05*-1*0.5 = -0.025
        // sample 2: node0 gate = 0.05*2*0 = 0,        node1 gate = 0.05*1*1 = 0.05
        // w00 += 0.025*1, w01 += 0.025*2 ; w10 += -0.025*1 + 0.05*3, w11 += -0.025*2 + 0.05*0
        assertArrayEquals(new float[] { 0.125f, 0.25f, 0.425f, 0.35f }, layer.weights, 1e-6f);
        assertArrayEquals(new float[] { 0.025f, 0.025f }, layer.bias, 1e-6f);
    }

    @Test
    void ineligibleNodesDoNotLearn() {
        // given every eligibility at zero
        RuleState state = new EligibilityTraceRule(0.5, 0).begin(NetworkShape.of(2, 2), 1);
        Layer layer = new Layer();
        java.util.Arrays.fill(layer.eligibility, 0f);
        // when it learns
        state.learn(layer);
        // then nothing changed
        assertArrayEquals(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, layer.weights);
        assertArrayEquals(new float[] { 0f, 0f }, layer.bias);
    }

    @Test
    void weightDecayShrinksWeightsWithoutSignal() {
        // given decay 0.5 at rate 0.1 and no modulation
        RuleState state = new EligibilityTraceRule(0.1, 0.5).begin(NetworkShape.of(2, 2), 1);
        Layer layer = new Layer();
        java.util.Arrays.fill(layer.modulation, 0f);
        // when it learns
        state.learn(layer);
        // then each weight is scaled by 1 - 0.1*0.5
        assertArrayEquals(new float[] { 0.095f, 0.19f, 0.285f, 0.38f }, layer.weights, 1e-6f);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        var zeroRate = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(0, 0));
        assertTrue(zeroRate.getMessage().contains("learningRate"), zeroRate.getMessage());
        var nanRate = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(Double.NaN, 0));
        assertTrue(nanRate.getMessage().contains("learningRate"), nanRate.getMessage());
        var negativeDecay = assertThrows(IllegalArgumentException.class, () -> new EligibilityTraceRule(0.1, -1));
        assertTrue(negativeDecay.getMessage().contains("weightDecay"), negativeDecay.getMessage());
    }

    @Test
    void describesItselfAsForwardOnlyUnderItsRegisteredName() {
        var info = new EligibilityTraceRule(0.1, 0).info();
        assertEquals("eligibility", info.name());
        assertTrue(info.forwardOnly());
    }
}

package org.neuromesh.engine.gating;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.gating.ThresholdGatingLayer.Firing;

/**
 * One behaviour per test. Expected values are worked out by hand from the rules; the numbers are chosen to be exact
 * in binary floating point, so the assertions compare without a tolerance.
 */
class ThresholdGatingLayerTest {

    /** d0, timeToRelease0, etaD0, etaT, alpha, traceDecay. */
    private static GatingParameters params(float d0, float ttr0, float etaD0, float etaT, float alpha, float decay) {
        return new GatingParameters(d0, ttr0, etaD0, etaT, alpha, decay);
    }

    /** One node, one input, weight 1, bias 0: the current of a step is the input value. */
    private static ThresholdGatingLayer identityNode(GatingParameters parameters) {
        ThresholdGatingLayer layer = new ThresholdGatingLayer(1, 1, parameters, 42L);
        layer.setWeights(new float[] {1f}, new float[] {0f});
        return layer;
    }

    private static float[] in(float... values) {
        return values;
    }

    @Test
    void currentIsRowMajorWeightedSumPlusBias() {
        // given 2 nodes x 6 inputs (more than one unrolled block of the dot product), thresholds too high to fire
        ThresholdGatingLayer layer = new ThresholdGatingLayer(6, 2, params(100f, 100f, 0f, 0f, 0f, 0f), 1L);
        layer.setWeights(new float[] {
            1f, 2f, 3f, 4f, 5f, 6f,
            -1f, 0f, 2f, 0.5f, 0f, 1f}, new float[] {0.25f, -2f});

        // when
        layer.step(in(1f, 0.5f, 0.25f, 2f, 4f, -1f), null);

        // then node 0: 1 + 1 + 0.75 + 8 + 20 - 6 + 0.25; node 1: -1 + 0 + 0.5 + 1 + 0 - 1 - 2
        assertEquals(25f, layer.accumulator(0));
        assertEquals(-2.5f, layer.accumulator(1));
    }

    @Test
    void accumulatesAcrossStepsWithoutFiringBelowThresholdAndBeforeTimeToRelease() {
        // given d = 10, timeToRelease = 100
        ThresholdGatingLayer layer = identityNode(params(10f, 100f, 0.5f, 1f, 0f, 0.5f));

        // when
        layer.step(in(2f), null);
        layer.step(in(3.5f), null);

        // then
        ThresholdGatingLayer.NodeView node = layer.snapshot(0);
        assertAll(
                () -> assertEquals(5.5f, node.accumulator()),
                () -> assertEquals(2, node.stepsSinceRelease()),
                () -> assertEquals(0f, node.output()),
                () -> assertEquals(Firing.NONE, node.firing()),
                () -> assertEquals(10f, node.threshold()),
                () -> assertEquals(100f, node.timeToRelease()));
    }

    @Test
    void thresholdFiringRaisesThresholdAndTimeToReleaseAndResetsAccumulatorAndTimer() {
        // given d = 1, timeToRelease = 10, etaD = 0.25, etaT = 2, and 0.5 already accumulated
        ThresholdGatingLayer layer = identityNode(params(1f, 10f, 0.25f, 2f, 0f, 0.5f));
        layer.step(in(0.5f), null);

        // when the accumulator reaches 1.25 >= d
        layer.step(in(0.75f), null);

        // then
        ThresholdGatingLayer.NodeView node = layer.snapshot(0);
        assertAll(
                () -> assertEquals(Firing.THRESHOLD, node.firing()),
                () -> assertEquals(1.25f, node.output()),
                () -> assertEquals(1.25f, node.threshold(), "d + etaD"),
                () -> assertEquals(12f, node.timeToRelease(), "timeToRelease + etaT"),
                () -> assertEquals(0f, node.accumulator()),
                () -> assertEquals(0, node.stepsSinceRelease()));
    }

    @Test
    void thresholdFiringAtExactlyTheThreshold() {
        ThresholdGatingLayer layer = identityNode(params(1f, 10f, 0.25f, 2f, 0f, 0.5f));

        layer.step(in(1f), null);

        assertEquals(Firing.THRESHOLD, layer.firing(0));
    }

    @Test
    void timerFiringLowersThresholdByHalfEtaDAndTimeToReleaseByHalfEtaT() {
        // given d = 10 (never reached), timeToRelease = 3, etaD = 0.5, etaT = 1
        ThresholdGatingLayer layer = identityNode(params(10f, 3f, 0.5f, 1f, 0f, 0.5f));
        layer.step(in(1f), null);
        layer.step(in(1f), null);
        assertEquals(Firing.NONE, layer.firing(0), "timer 2 < 3");

        // when the timer reaches 3
        layer.step(in(1f), null);

        // then
        ThresholdGatingLayer.NodeView node = layer.snapshot(0);
        assertAll(
                () -> assertEquals(Firing.TIMER, node.firing()),
                () -> assertEquals(3f, node.output(), "the accumulator is released"),
                () -> assertEquals(9.75f, node.threshold(), "d - etaD/2"),
                () -> assertEquals(2.5f, node.timeToRelease(), "timeToRelease - etaT/2"),
                () -> assertEquals(0f, node.accumulator()),
                () -> assertEquals(0, node.stepsSinceRelease()));
    }

    @Test
    void timeToReleaseNeverGoesBelowOne() {
        // given timeToRelease = 1.5 and etaT = 2, so one timer firing would give 1.5 - 1 = 0.5
        ThresholdGatingLayer layer = identityNode(params(10f, 1.5f, 0f, 2f, 0f, 0.5f));
        layer.step(in(0f), null);
        assertEquals(Firing.NONE, layer.firing(0), "timer 1 < 1.5");

        // when
        layer.step(in(0f), null);

        // then clamped to 1, and from then on a timer firing every step keeps it at 1
        assertEquals(Firing.TIMER, layer.firing(0));
        assertEquals(1f, layer.timeToRelease(0));
        for (int i = 0; i < 3; i++) {
            layer.step(in(0f), null);
            assertEquals(Firing.TIMER, layer.firing(0));
            assertEquals(1f, layer.timeToRelease(0));
        }
    }

    @Test
    void etaDFollowsAlphaTimesErrorInputBothWays() {
        // given etaD0 = 0.25, alpha = 0.5, no firing
        ThresholdGatingLayer layer = identityNode(params(10f, 100f, 0.25f, 1f, 0.5f, 0.5f));

        // when / then
        layer.step(in(0f), new float[] {0.5f});
        assertEquals(0.5f, layer.etaD(0), "0.25 + 0.5 * 0.5");
        layer.step(in(0f), new float[] {-1.5f});
        assertEquals(-0.25f, layer.etaD(0), "0.5 + 0.5 * -1.5");
        layer.step(in(0f), null);
        assertEquals(-0.25f, layer.etaD(0), "no error input leaves etaD unchanged");
    }

    @Test
    void firingUsesEtaDFromBeforeThisStepsErrorUpdate() {
        // given d = 1, etaD0 = 0.25, alpha = 1
        ThresholdGatingLayer layer = identityNode(params(1f, 100f, 0.25f, 1f, 1f, 0.5f));

        // when it fires in the same step that delivers error 2
        layer.step(in(1f), new float[] {2f});

        // then d moved by the old etaD, and etaD was updated afterwards
        assertEquals(1.25f, layer.threshold(0));
        assertEquals(2.25f, layer.etaD(0));
    }

    @Test
    void eligibilityDecaysEveryStepAndIsSetToOneOnThresholdFiring() {
        // given decay 0.5, d = 1
        ThresholdGatingLayer layer = identityNode(params(1f, 100f, 0f, 0f, 0f, 0.5f));
        assertEquals(0f, layer.eligibility(0), "initially zero");

        // when / then
        layer.step(in(1f), null);
        assertEquals(Firing.THRESHOLD, layer.firing(0));
        assertEquals(1f, layer.eligibility(0));
        layer.step(in(0f), null);
        assertEquals(0.5f, layer.eligibility(0));
        layer.step(in(0f), null);
        assertEquals(0.25f, layer.eligibility(0));
    }

    @Test
    void eligibilityIsSetToOneOnTimerFiring() {
        // given decay 0.5, timeToRelease = 2, d never reached
        ThresholdGatingLayer layer = identityNode(params(10f, 2f, 0f, 0f, 0f, 0.5f));
        layer.step(in(1f), null);                           // threshold firing would need 10
        layer.step(in(0f), null);                           // timer 2 >= 2: TIMER
        assertEquals(Firing.TIMER, layer.firing(0));
        assertEquals(1f, layer.eligibility(0));
        layer.step(in(0f), null);
        assertEquals(0.5f, layer.eligibility(0));
    }

    @Test
    void thresholdFiringTakesPrecedenceWhenTimerIsAlsoDue() {
        // given timeToRelease = 1 (timer due on the first step) and d = 1, etaD = 0.5, etaT = 2
        ThresholdGatingLayer layer = identityNode(params(1f, 1f, 0.5f, 2f, 0f, 0.5f));

        // when the accumulator also reaches d
        layer.step(in(2f), null);

        // then the threshold rule applies, not the timer rule
        assertEquals(Firing.THRESHOLD, layer.firing(0));
        assertEquals(1.5f, layer.threshold(0));
        assertEquals(3f, layer.timeToRelease(0));
    }

    @Test
    void resetRestoresInitialStateAndKeepsWeights() {
        GatingParameters parameters = params(1f, 4f, 0.25f, 2f, 1f, 0.5f);
        ThresholdGatingLayer layer = identityNode(parameters);
        layer.step(in(3f), new float[] {1f});
        layer.step(in(0.5f), null);

        layer.reset();

        assertEquals(new ThresholdGatingLayer.NodeView(0, 0f, 1f, 0, 4f, 0.25f, 0f, 0f, Firing.NONE),
                layer.snapshot(0));
        assertArrayEquals(new float[] {1f}, layer.weights());
    }

    @Test
    void sameSeedGivesSameWeightsAndAnotherSeedDifferentOnes() {
        GatingParameters parameters = GatingParameters.defaults();
        float[] a = new ThresholdGatingLayer(784, 64, parameters, 7L).weights();
        float[] b = new ThresholdGatingLayer(784, 64, parameters, 7L).weights();
        float[] c = new ThresholdGatingLayer(784, 64, parameters, 8L).weights();

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void initialWeightsAreGlorotUniformAndBiasIsZero() {
        ThresholdGatingLayer layer = new ThresholdGatingLayer(784, 64, GatingParameters.defaults(), 7L);
        double limit = Math.sqrt(6.0 / (784 + 64));

        float[] w = layer.weights();
        double max = 0;
        double sum = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
            sum += v;
        }
        assertTrue(max <= limit, "max |w| " + max + " within the limit " + limit);
        assertTrue(max > 0.9 * limit, "weights spread over the range, max |w| " + max);
        assertTrue(Math.abs(sum / w.length) < 0.01 * limit, "mean close to 0");
        assertArrayEquals(new float[64], layer.bias());
    }

    @Test
    void inputOfWrongLengthIsRejectedWithClearMessage() {
        ThresholdGatingLayer layer = new ThresholdGatingLayer(784, 10, GatingParameters.defaults(), 1L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.step(new float[783], null));

        assertEquals("input has 783 values, layer expects 784", e.getMessage());
    }

    @Test
    void errorInputOfWrongLengthIsRejectedWithClearMessage() {
        ThresholdGatingLayer layer = new ThresholdGatingLayer(784, 10, GatingParameters.defaults(), 1L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.step(new float[784], new float[9]));

        assertEquals("errorInput has 9 values, layer expects 10", e.getMessage());
    }

    @Test
    void setWeightsRejectsWrongShapesAndNonFiniteValues() {
        ThresholdGatingLayer layer = new ThresholdGatingLayer(2, 3, GatingParameters.defaults(), 1L);

        assertAll(
                () -> assertEquals("weights has 5 values, layer expects 6", assertThrows(
                        IllegalArgumentException.class,
                        () -> layer.setWeights(new float[5], new float[3])).getMessage()),
                () -> assertEquals("bias has 2 values, layer expects 3", assertThrows(
                        IllegalArgumentException.class,
                        () -> layer.setWeights(new float[6], new float[2])).getMessage()),
                () -> assertEquals("weights[4] must be finite, got NaN", assertThrows(
                        IllegalArgumentException.class,
                        () -> layer.setWeights(new float[] {0, 0, 0, 0, Float.NaN, 0}, new float[3])).getMessage()));
    }

    @Test
    void nonPositiveShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ThresholdGatingLayer(0, 5, GatingParameters.defaults(), 1L));

        assertEquals("inputCount and nodeCount must be >= 1, got 0 and 5", e.getMessage());
    }
}

package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.gating.GatingParameters;

class GatesTest {

    private static final GatingParameters GATING = new GatingParameters(0.5f, 2f, 0.1f, 1f, 0f, 0.5f);

    private static GatingLayer oneNode() {
        GatingLayer layer = new GatingLayer(1, 1, false);
        layer.resetNodes(GATING);
        return layer;
    }

    @Test
    void aCurrentAtOrAboveTheThresholdIsReleasedAndMakesTheNodeEligible() {
        // given one node with threshold 0.5
        GatingLayer layer = oneNode();
        float[] out = new float[2];
        float[] eligibility = new float[2];
        // when a batch of currents 0.7 and 0.2 passes (the second below threshold, timer not yet due)
        Gates.train(layer, GATING, 1f, new float[] { 0.7f, 0.2f }, 2, out, eligibility);
        // then the first is released, the second is silent
        assertArrayEquals(new float[] { 0.7f, 0f }, out);
        assertArrayEquals(new float[] { 1f, 0f }, eligibility);
        assertEquals(1, layer.thresholdCount[0]);
        assertEquals(0, layer.timerCount[0]);
        // and the threshold rose by eta_d times the share of threshold releases: 0.5 + 0.1 * 1/2
        assertEquals(0.55f, layer.threshold[0], 1e-6f);
        assertEquals(2.5f, layer.timeToRelease[0], 1e-6f);
    }

    @Test
    void aNodeSilentForTimeToReleaseSamplesIsForcedToRelease() {
        // given one node with timeToRelease 2
        GatingLayer layer = oneNode();
        float[] out = new float[3];
        float[] eligibility = new float[3];
        // when three sub-threshold currents pass
        Gates.train(layer, GATING, 1f, new float[] { 0.1f, 0.3f, -0.2f }, 3, out, eligibility);
        // then the second sample is a timer release of its (rectified) current, the third is silent again
        assertArrayEquals(new float[] { 0f, 0.3f, 0f }, out);
        assertArrayEquals(new float[] { 0f, 1f, 0f }, eligibility);
        assertEquals(1, layer.timerCount[0]);
        // and the threshold fell by eta_d/2 times the share of timer releases
        assertEquals(0.5f - 0.05f / 3, layer.threshold[0], 1e-6f);
    }

    @Test
    void thresholdsTimersAndRatesMoveByThePlasticityOfTheSchedule() {
        // given two nodes of equal state, and the same batch for both
        GatingParameters gating = new GatingParameters(0.5f, 2f, 0.1f, 1f, 1f, 0.5f);
        GatingLayer full = new GatingLayer(1, 1, false);
        GatingLayer half = new GatingLayer(1, 1, false);
        GatingLayer none = new GatingLayer(1, 1, false);
        for (GatingLayer layer : new GatingLayer[] { full, half, none }) {
            layer.resetNodes(gating);
        }
        // when one learns at full plasticity, one at half (half-way down a cosine schedule), one at none
        Gates.train(full, gating, 1f, new float[] { 0.7f, 0.9f }, 2, new float[2], new float[2]);
        Gates.train(half, gating, 0.5f, new float[] { 0.7f, 0.9f }, 2, new float[2], new float[2]);
        Gates.train(none, gating, 0f, new float[] { 0.7f, 0.9f }, 2, new float[2], new float[2]);
        // then the threshold and timer move by the full step, half of it, and not at all
        assertEquals(0.6f, full.threshold[0], 1e-6f);
        assertEquals(0.55f, half.threshold[0], 1e-6f);
        assertEquals(0.5f, none.threshold[0]);
        assertEquals(2.5f, half.timeToRelease[0], 1e-6f);
        assertEquals(2f, none.timeToRelease[0]);
        // and a rate follows its error by the same factor
        GatingLayer pair = new GatingLayer(1, 2, false);
        pair.resetNodes(gating);
        Gates.adaptRates(pair, gating, 0.5f, new float[] { 0.3f, 0.1f }, 1);
        assertEquals(0.15f, pair.etaD[0], 1e-6f);
    }

    @Test
    void inferenceUsesTheThresholdOnlyAndChangesNothing() {
        // given a node whose timer is about to force a release
        GatingLayer layer = oneNode();
        layer.silentSamples[0] = 5;
        float[] out = new float[2];
        float[] released = new float[2];
        // when inferring
        Gates.infer(layer, new float[] { 0.3f, 0.6f }, 2, out, released);
        // then only the supra-threshold current is released and the state is untouched
        assertArrayEquals(new float[] { 0f, 0.6f }, out);
        assertArrayEquals(new float[] { 0f, 1f }, released);
        assertEquals(5, layer.silentSamples[0]);
        assertEquals(0.5f, layer.threshold[0]);
    }

    @Test
    void aSequenceAccumulatesUntilTheThresholdAndTracesDecayBetweenReleases() {
        // given one node, one sample, currents of 0.3 per step
        GatingLayer layer = oneNode();
        float[] accumulator = new float[1];
        float[] timer = new float[1];
        float[] out = new float[1];
        float[] eligibility = new float[1];
        // when the first step accumulates 0.3 (below 0.5), then the second reaches 0.6
        Gates.step(layer, GATING, 1f, 0.5f, false, new float[] { 0.3f }, 1, accumulator, timer, out, eligibility);
        assertEquals(0f, out[0]);
        assertEquals(0.3f, accumulator[0], 1e-6f);
        Gates.step(layer, GATING, 1f, 0.5f, false, new float[] { 0.3f }, 1, accumulator, timer, out, eligibility);
        // then it releases the whole accumulator and becomes eligible
        assertEquals(0.6f, out[0], 1e-6f);
        assertEquals(1f, eligibility[0]);
        assertEquals(0f, accumulator[0]);
        assertEquals(1, layer.thresholdCount[0]);
        // and on a silent step the eligibility decays by the trace decay
        Gates.step(layer, GATING, 1f, 0.5f, false, new float[] { 0f }, 1, accumulator, timer, out, eligibility);
        assertEquals(0.5f, eligibility[0], 1e-6f);
        assertEquals(0, layer.thresholdCount[0] + layer.timerCount[0]);
    }

    @Test
    void errorRatesFollowTheErrorEachNodeReceivesAndStayBounded() {
        // given two nodes with eta_d 0.1 and alpha 1
        GatingParameters gating = new GatingParameters(0.5f, 2f, 0.1f, 1f, 1f, 0.5f);
        GatingLayer layer = new GatingLayer(1, 2, false);
        layer.resetNodes(gating);
        // when node 0 gets more error than the layer's mean and node 1 less
        Gates.adaptRates(layer, gating, 1f, new float[] { 0.3f, 0.1f }, 1);
        // then node 0's rate rises by 0.1 and node 1's falls by 0.1 (to the floor 0)
        assertEquals(0.2f, layer.etaD[0], 1e-6f);
        assertEquals(0f, layer.etaD[1], 1e-6f);
    }
}

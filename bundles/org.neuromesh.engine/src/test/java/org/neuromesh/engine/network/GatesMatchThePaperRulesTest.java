package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.gating.GatingParameters;

/**
 * The batched rules of {@link Gates} against the paper's rules written out plainly, one node and one sample at a
 * time ({@link PaperNode}). With a batch of one they must agree exactly, release by release and value by value;
 * with larger batches the thresholds and timers move once per batch by the mean of the per-sample changes.
 */
class GatesMatchThePaperRulesTest {

    private static final GatingParameters GATING = new GatingParameters(0.2f, 3f, 0.05f, 0.5f, 0f, 0.8f);
    private static final int NODES = 7;

    /** One node, by the paper: release on the threshold, or forced by the timer; the homeostat after each. */
    private static final class PaperNode {
        float threshold;
        float timeToRelease;
        int silentSteps;
        float accumulator;
        float eligibility;

        PaperNode(GatingParameters gating) {
            threshold = gating.initialThreshold();
            timeToRelease = gating.initialTimeToRelease();
        }

        /** One step with the given current; returns the released value (0 when silent). */
        float step(float current, boolean accumulate, float traceDecay, float etaD, float etaT) {
            float v = accumulate ? accumulator + current : current;
            eligibility *= traceDecay;
            float out;
            if (v >= threshold) {
                out = v;
                threshold += etaD;
                timeToRelease += etaT;
                released();
            } else if (silentSteps + 1 >= timeToRelease) {
                out = Math.max(v, 0f); // a forced release passes on what is there, rectified
                threshold = Math.max(0f, threshold - etaD / 2);
                timeToRelease = Math.max(1f, timeToRelease - etaT / 2);
                released();
            } else {
                out = 0f;
                silentSteps++;
                accumulator = accumulate ? v : 0f;
                return out;
            }
            return out;
        }

        private void released() {
            silentSteps = 0;
            accumulator = 0f;
            eligibility = 1f;
        }
    }

    @Test
    void aBatchOfOneFollowsThePaperSampleBySample() {
        // given a layer and the same nodes by the paper
        GatingLayer layer = layer();
        PaperNode[] paper = paperNodes();
        SplittableRandom random = new SplittableRandom(3);
        float[] current = new float[NODES];
        float[] out = new float[NODES];
        float[] eligibility = new float[NODES];
        long threshold = 0;
        long timer = 0;
        // when 2,000 samples pass one at a time
        for (int sample = 0; sample < 2000; sample++) {
            for (int j = 0; j < NODES; j++) {
                current[j] = (float) random.nextDouble(-0.5, 0.8);
            }
            Gates.train(layer, GATING, 1f, current, 1, out, eligibility);
            // then every output, eligibility, threshold and timer is the paper's, to the bit
            for (int j = 0; j < NODES; j++) {
                boolean wasForced = layer.timerCount[j] == 1;
                float expected = paper[j].step(current[j], false, 0f, GATING.etaD0(), GATING.etaT());
                assertEquals(expected, out[j], "output of node " + j + " at sample " + sample);
                assertEquals(paper[j].eligibility, eligibility[j], "eligibility of node " + j + " at " + sample);
                assertEquals(paper[j].threshold, layer.threshold[j], "d of node " + j + " at sample " + sample);
                assertEquals(paper[j].timeToRelease, layer.timeToRelease[j],
                        "timeToRelease of node " + j + " at sample " + sample);
                threshold += layer.thresholdCount[j];
                timer += wasForced ? 1 : 0;
            }
        }
        // and both kinds of release happened, so both branches were compared
        assertEquals(true, threshold > 100 && timer > 100, threshold + " threshold and " + timer + " timer releases");
    }

    @Test
    void aLargerBatchDecidesWithTheSameThresholdAndMovesItByTheMeanChange() {
        // given a layer and the same nodes by the paper
        GatingLayer layer = layer();
        PaperNode[] paper = paperNodes();
        SplittableRandom random = new SplittableRandom(5);
        int batch = 32;
        float[] current = new float[batch * NODES];
        float[] out = new float[batch * NODES];
        float[] eligibility = new float[batch * NODES];
        for (int round = 0; round < 50; round++) {
            for (int k = 0; k < current.length; k++) {
                current[k] = (float) random.nextDouble(-0.5, 0.8);
            }
            // when a batch passes
            Gates.train(layer, GATING, 1f, current, batch, out, eligibility);
            // then each node decided sample by sample with the threshold and timer it had at the batch's start,
            // and moved them once by the mean of the paper's per-sample changes
            for (int j = 0; j < NODES; j++) {
                float d = paper[j].threshold;
                float ttr = paper[j].timeToRelease;
                int byThreshold = 0;
                int byTimer = 0;
                for (int b = 0; b < batch; b++) {
                    paper[j].threshold = d;
                    paper[j].timeToRelease = ttr;
                    float v = current[b * NODES + j];
                    int silentBefore = paper[j].silentSteps;
                    float expected = paper[j].step(v, false, 0f, GATING.etaD0(), GATING.etaT());
                    assertEquals(expected, out[b * NODES + j], "node " + j + " sample " + b + " round " + round);
                    boolean releasedHere = paper[j].silentSteps == 0;
                    byThreshold += releasedHere && v >= d ? 1 : 0;
                    byTimer += releasedHere && v < d ? 1 : 0;
                    assertEquals(releasedHere ? 1f : 0f, eligibility[b * NODES + j]);
                    assertEquals(true, releasedHere || paper[j].silentSteps == silentBefore + 1);
                }
                float balance = (byThreshold - 0.5f * byTimer) / batch;
                paper[j].threshold = Math.max(0f, d + GATING.etaD0() * balance);
                paper[j].timeToRelease = Math.max(1f, ttr + GATING.etaT() * balance);
                assertEquals(paper[j].threshold, layer.threshold[j], 1e-6f, "d of node " + j + " round " + round);
                assertEquals(paper[j].timeToRelease, layer.timeToRelease[j], 1e-5f, "ttr of node " + j);
            }
        }
    }

    @Test
    void aSequenceOfOneSampleAccumulatesAndDecaysItsTracesAsThePaperSays() {
        // given a layer and the same nodes by the paper, one sample whose accumulators carry across steps
        GatingLayer layer = layer();
        PaperNode[] paper = paperNodes();
        SplittableRandom random = new SplittableRandom(9);
        float[] current = new float[NODES];
        float[] accumulator = new float[NODES];
        float[] timer = new float[NODES];
        float[] out = new float[NODES];
        float[] eligibility = new float[NODES];
        // when 1,000 steps of small currents pass, with learning on
        for (int step = 0; step < 1000; step++) {
            for (int j = 0; j < NODES; j++) {
                current[j] = (float) random.nextDouble(-0.1, 0.15);
            }
            Gates.step(layer, GATING, 1f, GATING.traceDecay(), true, current, 1, accumulator, timer, out, eligibility);
            // then the releases, accumulators, traces, thresholds and timers are the paper's
            for (int j = 0; j < NODES; j++) {
                float expected = paper[j].step(current[j], true, GATING.traceDecay(), GATING.etaD0(),
                        GATING.etaT());
                assertEquals(expected, out[j], 1e-6f, "output of node " + j + " at step " + step);
                assertEquals(paper[j].accumulator, accumulator[j], 1e-6f, "accumulator of node " + j);
                assertEquals(paper[j].eligibility, eligibility[j], 1e-6f, "trace of node " + j + " at " + step);
                assertEquals(paper[j].threshold, layer.threshold[j], 1e-6f, "d of node " + j + " at " + step);
                assertEquals(paper[j].timeToRelease, layer.timeToRelease[j], 1e-5f, "timer of node " + j);
            }
        }
    }

    private static GatingLayer layer() {
        GatingLayer layer = new GatingLayer(1, NODES, false);
        layer.resetNodes(GATING);
        return layer;
    }

    private static PaperNode[] paperNodes() {
        PaperNode[] nodes = new PaperNode[NODES];
        for (int j = 0; j < NODES; j++) {
            nodes[j] = new PaperNode(GATING);
        }
        return nodes;
    }
}

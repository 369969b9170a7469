package org.neuromesh.engine.network;

import java.util.Arrays;

import org.neuromesh.engine.gating.GatingParameters;

/**
 * The threshold-gating rules, the engine's one implementation of them, applied to a whole batch at once.
 * {@code GatesMatchThePaperRulesTest} checks them against the rules written out sample by sample.
 *
 * <p>Static mode, one integration step per sample: node j's accumulator is its input current {@code v}. It releases
 * {@code v} when {@code v >= d} (threshold release: {@code d += eta_d}, {@code timeToRelease += eta_t}). Its timer
 * counts the samples since it last released; when a silent node's timer reaches timeToRelease it is forced to
 * release (timer release: output {@code max(v, 0)}, {@code d -= eta_d / 2},
 * {@code timeToRelease = max(1, timeToRelease - eta_t / 2)}). Both releases set the eligibility to 1; a silent node
 * has eligibility 0. The threshold and timer changes of a batch are averaged over its samples, as weight changes
 * are, so eta_d is a change per batch rather than per sample. The thresholds and timers thus form a homeostat: busy nodes raise their threshold, and a node
 * that fell silent is forced to release and so gets eligible to learn again.
 *
 * <p>Every change of a threshold, a timer or a rate is multiplied by the run's plasticity: the factor of its
 * learning-rate schedule (1 at a constant rate), so the node state settles as the weights do. Without it, the
 * thresholds went on rising at the end of a cosine schedule while the weights had stopped following them: measured on
 * 784-1024-1024-10 (default rule, 30 epochs, validation split), training accuracy fell from 97.5% to 97.2% over the
 * last five epochs and validation ended at 97.29%, against 97.73% with the changes scaled.
 *
 * <p>At inference the timers are frozen (threshold releases only), so a prediction never depends on the samples
 * that came before it.
 */
final class Gates {

    private Gates() {
    }

    /**
     * Training pass of a static batch: writes {@code out} and {@code eligibility}, adapts the layer's node state,
     * and leaves each node's releases of the batch in the layer's {@code thresholdCount} and {@code timerCount}.
     */
    static void train(GatingLayer layer, GatingParameters gating, float plasticity, float[] current, int batch,
            float[] out, float[] eligibility) {
        int nodes = layer.nodes;
        float[] threshold = layer.threshold;
        float[] timeToRelease = layer.timeToRelease;
        int[] silent = layer.silentSamples;
        int[] byThreshold = layer.thresholdCount;
        int[] byTimer = layer.timerCount;
        // without a timer the count stays 0, so it cannot overflow however long a node is silent
        int tick = gating.hasTimer() ? 1 : 0;
        Arrays.fill(byThreshold, 0);
        Arrays.fill(byTimer, 0);
        layer.countedSamples = batch;
        // Sample by sample, node by node: each node still sees its samples in order (its timer counts them), and
        // the row-wise walk keeps the batch in cache.
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                // written without branches: whether a node fires is close to a coin toss, which branches mispredict
                float v = current[k];
                boolean fires = v >= threshold[j];
                int waited = fires ? 0 : silent[j] + tick;
                boolean forced = !fires && waited >= timeToRelease[j];
                silent[j] = forced ? 0 : waited;
                out[k] = fires ? v : forced ? Math.max(v, 0f) : 0f;
                eligibility[k] = fires || forced ? 1f : 0f;
                byThreshold[j] += fires ? 1 : 0;
                byTimer[j] += forced ? 1 : 0;
            }
        }
        for (int j = 0; j < nodes; j++) {
            adapt(layer, gating, plasticity, j, byThreshold[j], byTimer[j], batch);
        }
    }

    /**
     * The paper's threshold and timer updates, averaged over the releases of a batch (as weight updates are):
     * {@code +eta_d, +eta_t} per threshold release and {@code -eta_d/2, -eta_t/2} per timer release, divided by
     * the number of node evaluations; d stays >= 0 and timeToRelease >= 1.
     */
    private static void adapt(GatingLayer layer, GatingParameters gating, float plasticity, int j, int byThreshold,
            int byTimer, int evaluations) {
        float balance = plasticity * (byThreshold - 0.5f * byTimer) / evaluations;
        layer.threshold[j] = Math.max(0f, layer.threshold[j] + layer.etaD[j] * balance);
        layer.timeToRelease[j] = Math.max(1f, layer.timeToRelease[j] + gating.etaT() * balance);
    }

    /** Inference pass: threshold releases only, no state change. */
    static void infer(GatingLayer layer, float[] current, int batch, float[] out, float[] released) {
        int nodes = layer.nodes;
        float[] threshold = layer.threshold;
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                float v = current[k];
                boolean fires = v >= threshold[j];
                out[k] = fires ? v : 0f;
                released[k] = fires ? 1f : 0f;
            }
        }
    }

    /**
     * A pass that repeats the release decisions of an earlier training pass ({@code releasedBefore}) on a new
     * current, for rules that compare two passes: a node that was forced to release then releases again now.
     */
    static void replay(GatingLayer layer, float[] current, int batch, float[] releasedBefore, float[] out,
            float[] released) {
        int nodes = layer.nodes;
        float[] threshold = layer.threshold;
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                float v = current[k];
                boolean fires = v >= threshold[j] || releasedBefore[k] != 0f;
                out[k] = fires ? Math.max(v, 0f) : 0f;
                released[k] = fires ? 1f : 0f;
            }
        }
    }

    /**
     * One integration step of a sequence. Each sample keeps its own accumulator and timer ({@code timer} counts
     * steps since the node last released); the eligibility decays by {@code traceDecay} every step and is set to 1
     * on a release; thresholds adapt as in static mode when {@code training}. Each node's releases of the step are
     * left in the layer's {@code thresholdCount} and {@code timerCount}.
     */
    static void step(GatingLayer layer, GatingParameters gating, float plasticity, float traceDecay,
            boolean training, float[] current, int batch, float[] accumulator, float[] timer, float[] out,
            float[] eligibility) {
        int nodes = layer.nodes;
        for (int j = 0; j < nodes; j++) {
            float d = layer.threshold[j];
            float ttr = layer.timeToRelease[j];
            int byThreshold = 0;
            int byTimer = 0;
            for (int b = 0, k = j; b < batch; b++, k += nodes) {
                float acc = accumulator[k] + current[k];
                float steps = timer[k] + 1f;
                float trace = eligibility[k] * traceDecay;
                if (acc >= d) {
                    out[k] = acc;
                    trace = 1f;
                    acc = 0f;
                    steps = 0f;
                    byThreshold++;
                } else if (steps >= ttr) {
                    out[k] = Math.max(acc, 0f);
                    trace = 1f;
                    acc = 0f;
                    steps = 0f;
                    byTimer++;
                } else {
                    out[k] = 0f;
                }
                accumulator[k] = acc;
                timer[k] = steps;
                eligibility[k] = trace;
            }
            if (training) {
                adapt(layer, gating, plasticity, j, byThreshold, byTimer, batch);
            }
            layer.thresholdCount[j] = byThreshold;
            layer.timerCount[j] = byTimer;
        }
    }

    /**
     * eta_d follows the error delivered forward: {@code eta_d += alpha * errorInput}, where a node's errorInput is
     * how much more (or less) error it received than the layer's average, so the rates stay centred; each rate is
     * kept within {@code [0, 4 * eta_d0]}.
     */
    static void adaptRates(GatingLayer layer, GatingParameters gating, float plasticity, float[] modulation,
            int batch) {
        int nodes = layer.nodes;
        if (gating.alpha() == 0f || plasticity == 0f) {
            return;
        }
        float[] errorInput = layer.errorScratch;
        Arrays.fill(errorInput, 0f);
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                errorInput[j] += Math.abs(modulation[k]);
            }
        }
        double layerMean = 0;
        for (int j = 0; j < nodes; j++) {
            errorInput[j] /= batch;
            layerMean += errorInput[j];
        }
        layerMean /= nodes;
        float ceiling = 4f * gating.etaD0();
        float[] rates = layer.etaD;
        for (int j = 0; j < nodes; j++) {
            rates[j] = Math.min(ceiling,
                    Math.max(0f, rates[j] + plasticity * gating.alpha() * (float) (errorInput[j] - layerMean)));
        }
    }
}

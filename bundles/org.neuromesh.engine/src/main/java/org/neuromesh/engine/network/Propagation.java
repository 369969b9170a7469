package org.neuromesh.engine.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuromesh.api.learning.ForwardPass;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.engine.math.MatrixKernels;

/**
 * Runs batches through a {@link GatingNetwork}: the forward pass (static or over a sequence), the output error,
 * and the error delivered forward to every hidden layer; then offers all of it to a learning rule as a
 * {@link LearningStep}. Every buffer is allocated once for the largest batch, so the hot loop does not allocate.
 *
 * <p>Bound to the network's shape at creation: after the topology changes, create a new one.
 */
public final class Propagation implements LearningStep {

    /** Fills the input of one integration step of a sequence, {@code batch x inputWidth}. */
    @FunctionalInterface
    public interface StepInput {
        void fill(int step, float[] into);
    }

    private final GatingNetwork network;
    private final MatrixKernels kernels;
    private final int capacity;
    private final int layers;
    private final float[][] current;
    private final float[][] out;
    private final float[][] eligibility;
    private final float[][] modulation;
    private final float[][] trace;
    private final float[][] accumulator;
    private final float[][] timer;
    private final float[] probabilities;
    private final float[] outputError;
    private final float[] stepInput;
    /** The batch after the network's input normalisation; empty when it has none. */
    private final float[] normalizedInput;
    private final LayerView[] views;
    /** Per hidden layer and node, releases since the last {@link #takeActivity}: threshold, then timer. */
    private final long[][] thresholdReleases;
    private final long[][] timerReleases;
    private long evaluationsPerNode;
    private SidePass side;

    private int batch;
    private int timeSteps = 1;
    private float[] input;
    private int[] labels;
    private double lossSum;
    private int correct;
    private float rateFactor = 1f;

    public Propagation(GatingNetwork network, MatrixKernels kernels, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.network = network;
        this.kernels = kernels;
        this.capacity = capacity;
        this.layers = network.layerCount();
        current = new float[layers][];
        out = new float[layers][];
        eligibility = new float[layers][];
        modulation = new float[layers][];
        trace = new float[layers][];
        accumulator = new float[layers][];
        timer = new float[layers][];
        views = new LayerView[layers];
        thresholdReleases = new long[layers - 1][];
        timerReleases = new long[layers - 1][];
        for (int l = 0; l < layers - 1; l++) {
            thresholdReleases[l] = new long[network.layer(l).nodes];
            timerReleases[l] = new long[network.layer(l).nodes];
        }
        for (int l = 0; l < layers; l++) {
            GatingLayer layer = network.layer(l);
            int size = capacity * layer.nodes;
            current[l] = new float[size];
            out[l] = layer.readout ? current[l] : new float[size];
            eligibility[l] = new float[size];
            modulation[l] = new float[size];
            trace[l] = new float[capacity * layer.inputs];
            accumulator[l] = new float[size];
            timer[l] = new float[size];
            views[l] = new LayerView(l);
            if (layer.readout) {
                Arrays.fill(eligibility[l], 1f);
            }
        }
        probabilities = new float[capacity * network.outputWidth()];
        outputError = new float[capacity * network.outputWidth()];
        stepInput = new float[capacity * network.inputWidth()];
        normalizedInput = new float[network.inputNormalization().isIdentity() ? 0
                : capacity * network.inputWidth()];
    }

    /**
     * Static forward pass of one batch.
     *
     * @param batchInput {@code batch x inputWidth}
     * @param batchLabels class of each sample
     * @param training whether the nodes adapt (thresholds, timers, forced releases)
     */
    public void forward(float[] batchInput, int[] batchLabels, int batchSize, boolean training) {
        begin(batchInput, batchLabels, batchSize, 1);
        InputNormalization normalization = network.inputNormalization();
        if (!normalization.isIdentity()) {
            normalization.apply(batchInput, batch, normalizedInput);
            input = normalizedInput; // the rules see (and learn from) what the first layer saw
        }
        float[] layerInput = input;
        for (int l = 0; l < layers; l++) {
            GatingLayer layer = network.layer(l);
            computeCurrent(layer, layerInput, current[l], 0f);
            addBias(layer, current[l]);
            if (!layer.readout) {
                if (training) {
                    Gates.train(layer, network.gating(), rateFactor, current[l], batch, out[l], eligibility[l]);
                    countReleases(l, layer);
                } else {
                    Gates.infer(layer, current[l], batch, out[l], eligibility[l]);
                }
            }
            layerInput = out[l];
        }
        if (training) {
            evaluationsPerNode += batch;
        }
        scoreOutput();
    }

    /**
     * Temporal forward pass over a sequence of {@code steps} inputs; the readout integrates what the last hidden
     * layer releases over the whole sequence and is scored at the end. Each layer's pre-synaptic trace decays by
     * {@code traceDecay} per step (the readout's keeps everything unless traces are off), and node eligibility
     * likewise; with {@code traceDecay} 0 a rule sees only the last step.
     */
    public void forwardSequence(StepInput source, int[] batchLabels, int batchSize, int steps, float traceDecay,
            boolean training) {
        if (steps < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step, got " + steps);
        }
        if (!network.inputNormalization().isIdentity()) {
            throw new IllegalArgumentException("this network normalises its input, which works on static samples "
                    + "only; train sequences without input normalisation");
        }
        begin(stepInput, batchLabels, batchSize, steps);
        for (int l = 0; l < layers; l++) {
            int nodes = batch * network.layer(l).nodes;
            Arrays.fill(accumulator[l], 0, nodes, 0f);
            Arrays.fill(timer[l], 0, nodes, 0f);
            Arrays.fill(trace[l], 0, batch * network.layer(l).inputs, 0f);
            if (!network.layer(l).readout) {
                Arrays.fill(eligibility[l], 0, nodes, 0f);
            }
        }
        int readout = layers - 1;
        float readoutDecay = traceDecay > 0f ? 1f : 0f;
        Arrays.fill(current[readout], 0, batch * network.outputWidth(), 0f);
        for (int t = 0; t < steps; t++) {
            source.fill(t, stepInput);
            float[] layerInput = stepInput;
            for (int l = 0; l < layers; l++) {
                GatingLayer layer = network.layer(l);
                decayInto(trace[l], layer.readout ? readoutDecay : traceDecay, layerInput, batch * layer.inputs);
                if (layer.readout) {
                    computeCurrent(layer, layerInput, current[l], 1f);
                } else {
                    computeCurrent(layer, layerInput, current[l], 0f);
                    addBias(layer, current[l]);
                    Gates.step(layer, network.gating(), rateFactor, traceDecay, training, current[l], batch,
                            accumulator[l], timer[l], out[l], eligibility[l]);
                    if (training) {
                        countReleases(l, layer);
                    }
                    layerInput = out[l];
                }
            }
        }
        // the readout reports the mean over the sequence, so the scores do not grow with its length
        float[] scores = current[readout];
        for (int i = 0; i < batch * network.outputWidth(); i++) {
            scores[i] /= steps;
        }
        if (readoutDecay > 0f) {
            float[] readoutTrace = trace[readout];
            for (int i = 0; i < batch * network.layer(readout).inputs; i++) {
                readoutTrace[i] /= steps;
            }
        }
        addBias(network.layer(readout), scores);
        if (training) {
            evaluationsPerNode += (long) batch * steps;
        }
        scoreOutput();
    }

    private void countReleases(int l, GatingLayer layer) {
        long[] byThreshold = thresholdReleases[l];
        long[] byTimer = timerReleases[l];
        for (int j = 0; j < layer.nodes; j++) {
            byThreshold[j] += layer.thresholdCount[j];
            byTimer[j] += layer.timerCount[j];
        }
    }

    /**
     * Multiplies the output error of the last batch by {@code gain}: a global neuromodulator (e.g. other peers' error
     * signals) that makes everything learnt from this batch stronger or weaker. Call before {@link #deliverError}.
     */
    public void scaleOutputError(float gain) {
        if (!(gain >= 0f && Float.isFinite(gain))) {
            throw new IllegalArgumentException("an error gain must be finite and >= 0, got " + gain);
        }
        for (int i = 0; i < batch * network.outputWidth(); i++) {
            outputError[i] *= gain;
        }
    }

    /** Sends the output error forward to every layer as its modulatory signal, and lets eta_d follow it. */
    public void deliverError(boolean adaptRates) {
        int outputs = network.outputWidth();
        int readout = layers - 1;
        float[] teach = modulation[readout];
        for (int i = 0; i < batch * outputs; i++) {
            teach[i] = -outputError[i];
        }
        for (int l = 0; l < readout; l++) {
            GatingLayer layer = network.layer(l);
            kernels.multiply(batch, layer.nodes, outputs, teach, network.feedback(l), modulation[l], 0f);
            if (adaptRates) {
                Gates.adaptRates(layer, network.gating(), rateFactor, modulation[l], batch);
            }
        }
    }

    private void begin(float[] batchInput, int[] batchLabels, int batchSize, int steps) {
        if (batchSize < 1 || batchSize > capacity) {
            throw new IllegalArgumentException("batch size " + batchSize + " is outside 1.." + capacity);
        }
        if (batchInput.length < batchSize * network.inputWidth()) {
            throw new IllegalArgumentException("input holds " + batchInput.length + " values; a batch of "
                    + batchSize + " needs " + batchSize * network.inputWidth());
        }
        if (batchLabels.length < batchSize) {
            throw new IllegalArgumentException("only " + batchLabels.length + " labels for a batch of " + batchSize);
        }
        this.input = batchInput;
        this.labels = batchLabels;
        this.batch = batchSize;
        this.timeSteps = steps;
    }

    private void computeCurrent(GatingLayer layer, float[] layerInput, float[] into, float beta) {
        kernels.multiplyTransposedB(batch, layer.nodes, layer.inputs, layerInput, layer.weights, into, beta);
    }

    private void addBias(GatingLayer layer, float[] values) {
        int nodes = layer.nodes;
        float[] bias = layer.bias;
        for (int b = 0, k = 0; b < batch; b++) {
            for (int j = 0; j < nodes; j++, k++) {
                values[k] += bias[j];
            }
        }
    }

    private static void decayInto(float[] trace, float decay, float[] values, int length) {
        for (int i = 0; i < length; i++) {
            trace[i] = trace[i] * decay + values[i];
        }
    }

    /** Softmax, cross-entropy and the output error, with the usual max shift for stability. */
    private void scoreOutput() {
        int outputs = network.outputWidth();
        float[] scores = out[layers - 1];
        double loss = 0;
        int right = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * outputs;
            int label = labels[b];
            if (label < 0 || label >= outputs) {
                throw new IllegalArgumentException("sample " + b + " has label " + label + "; the network has "
                        + outputs + " outputs");
            }
            float max = Float.NEGATIVE_INFINITY;
            int best = 0;
            for (int o = 0; o < outputs; o++) {
                if (scores[row + o] > max) {
                    max = scores[row + o];
                    best = o;
                }
            }
            double sum = 0;
            for (int o = 0; o < outputs; o++) {
                float e = (float) Math.exp(scores[row + o] - max);
                probabilities[row + o] = e;
                sum += e;
            }
            for (int o = 0; o < outputs; o++) {
                float p = (float) (probabilities[row + o] / sum);
                probabilities[row + o] = p;
                outputError[row + o] = o == label ? p - 1f : p;
            }
            loss -= Math.log(Math.max(probabilities[row + label], 1e-30f));
            right += best == label ? 1 : 0;
        }
        lossSum = loss;
        correct = right;
    }

    /** Summed cross-entropy of the last batch (NaN if the network diverged). */
    public double lossSum() {
        return lossSum;
    }

    /** Samples of the last batch whose highest score was their label. */
    public int correct() {
        return correct;
    }

    /** Class with the highest score for sample {@code b} of the last batch. */
    public int predicted(int b) {
        int outputs = network.outputWidth();
        float[] scores = out[layers - 1];
        int best = 0;
        for (int o = 1; o < outputs; o++) {
            if (scores[b * outputs + o] > scores[b * outputs + best]) {
                best = o;
            }
        }
        return best;
    }

    /**
     * How each hidden layer released in the passes since the last call (sequences count every step; inference
     * passes are not counted), with its thresholds and timers as they are now; then starts counting anew.
     */
    public List<LayerActivity> takeActivity() {
        List<LayerActivity> activity = new ArrayList<>(layers - 1);
        for (int l = 0; l < layers - 1; l++) {
            GatingLayer layer = network.layer(l);
            long released = 0;
            long forced = 0;
            int silent = 0;
            for (int j = 0; j < layer.nodes; j++) {
                long node = thresholdReleases[l][j] + timerReleases[l][j];
                released += node;
                forced += timerReleases[l][j];
                silent += node == 0 ? 1 : 0;
            }
            activity.add(new LayerActivity(l, layer.nodes, evaluationsPerNode * layer.nodes, released, forced,
                    evaluationsPerNode == 0 ? 0 : silent, layer.meanThreshold(), layer.meanTimeToRelease()));
            Arrays.fill(thresholdReleases[l], 0);
            Arrays.fill(timerReleases[l], 0);
        }
        evaluationsPerNode = 0;
        return activity;
    }

    /** The released values of layer {@code l} for the last batch (the readout's scores for the last layer). */
    public float[] layerOutput(int l) {
        return out[l];
    }

    public GatingNetwork network() {
        return network;
    }

    // ---- LearningStep, offered to the rule ----

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public int layerCount() {
        return layers;
    }

    @Override
    public LayerSignals layer(int index) {
        return views[index];
    }

    @Override
    public int timeSteps() {
        return timeSteps;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public float[] outputError() {
        return outputError;
    }

    @Override
    public float rateFactor() {
        return rateFactor;
    }

    /**
     * Sets what {@link #rateFactor()} offers the rule for the next batches; the nodes' thresholds, timers and rates
     * adapt by the same factor.
     */
    void rateFactor(float factor) {
        if (!(factor > 0f && factor <= 1f)) {
            throw new IllegalArgumentException("the rate factor must be in (0, 1], got " + factor);
        }
        rateFactor = factor;
    }

    @Override
    public MatrixMath math() {
        return kernels;
    }

    @Override
    public ForwardPass forward(float[] otherInput) {
        if (timeSteps != 1) {
            throw new UnsupportedOperationException("a second forward pass is only kept in static mode");
        }
        if (otherInput.length < batch * network.inputWidth()) {
            throw new IllegalArgumentException("input holds " + otherInput.length + " values; the batch needs "
                    + batch * network.inputWidth());
        }
        if (side == null) {
            side = new SidePass(); // once per Propagation, on first use by a rule that needs it
        }
        return side.run(otherInput);
    }

    private final class SidePass implements ForwardPass {
        private final float[][] sideOut = new float[layers][];
        private final float[][] sideReleased = new float[layers][];

        SidePass() {
            for (int l = 0; l < layers; l++) {
                sideOut[l] = new float[capacity * network.layer(l).nodes];
                sideReleased[l] = new float[capacity * network.layer(l).nodes];
                if (network.layer(l).readout) {
                    Arrays.fill(sideReleased[l], 1f);
                }
            }
        }

        ForwardPass run(float[] otherInput) {
            float[] layerInput = otherInput;
            for (int l = 0; l < layers; l++) {
                GatingLayer layer = network.layer(l);
                kernels.multiplyTransposedB(batch, layer.nodes, layer.inputs, layerInput, layer.weights,
                        sideOut[l], 0f);
                addBias(layer, sideOut[l]);
                if (!layer.readout) {
                    // the replay rewrites sideOut in place: each value is read before it is written
                    Gates.replay(layer, sideOut[l], batch, eligibility[l], sideOut[l], sideReleased[l]);
                }
                layerInput = sideOut[l];
            }
            return this;
        }

        @Override
        public float[] output(int layer) {
            return sideOut[layer];
        }

        @Override
        public float[] released(int layer) {
            return sideReleased[layer];
        }
    }

    private final class LayerView implements LayerSignals {
        private final int index;

        LayerView(int index) {
            this.index = index;
        }

        @Override
        public int inputCount() {
            return network.layer(index).inputs;
        }

        @Override
        public int nodeCount() {
            return network.layer(index).nodes;
        }

        @Override
        public float[] pre() {
            if (timeSteps > 1) {
                return trace[index];
            }
            return index == 0 ? input : out[index - 1];
        }

        @Override
        public float[] post() {
            return out[index];
        }

        @Override
        public float[] eligibility() {
            return eligibility[index];
        }

        @Override
        public float[] modulation() {
            return modulation[index];
        }

        @Override
        public float[] weights() {
            return network.layer(index).weights;
        }

        @Override
        public float[] bias() {
            return network.layer(index).bias;
        }
    }
}

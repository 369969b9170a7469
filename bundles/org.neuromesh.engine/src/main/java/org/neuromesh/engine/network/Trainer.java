package org.neuromesh.engine.network;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.math.MatrixKernels;

/**
 * Trains a {@link GatingNetwork} with a learning rule, batch by batch: forward pass, output error delivered forward,
 * then the rule changes the weights from the signals it is offered. Allocates its buffers once; an epoch does not
 * allocate per batch or per sample.
 */
public final class Trainer {

    /** Told after every batch; called on the training thread, so keep it quick. */
    @FunctionalInterface
    public interface Progress {
        /** {@code accuracySoFar}: the share of this epoch's samples so far that the network got right. */
        void batchDone(int samplesDone, int samplesTotal, double meanLossSoFar, double accuracySoFar);

        Progress NONE = (done, total, loss, accuracy) -> { };
    }

    private final GatingNetwork network;
    private final RuleState rule;
    private final MatrixKernels kernels;
    private final TrainingOptions options;
    private final SplittableRandom shuffler;
    private Propagation propagation;
    /** Created on the first evaluation of static samples. */
    private Inference inference;
    private int[] order = new int[0];
    private final int[] labels;
    private final float[] input;
    private final SequenceInput sequence = new SequenceInput();
    private Consumer<GatingNetwork> afterStep = network -> { };
    private DoubleSupplier errorGain = () -> 1.0;
    private long batchesLearned;
    private long plannedBatches;

    /** Feeds the steps of the current batch's sequences; one instance, re-pointed per batch, so nothing allocates. */
    private final class SequenceInput implements Propagation.StepInput {
        private SampleSet samples;
        private int from;
        private int count;

        void select(SampleSet set, int first, int size) {
            samples = set;
            from = first;
            count = size;
        }

        @Override
        public void fill(int step, float[] into) {
            samples.fill(order, from, count, step, into);
        }
    }

    public Trainer(GatingNetwork network, RuleState rule, MatrixKernels kernels, TrainingOptions options) {
        this.network = network;
        this.rule = rule;
        this.kernels = kernels;
        this.options = options;
        this.shuffler = new SplittableRandom(options.seed());
        this.propagation = new Propagation(network, kernels, options.batchSize());
        this.labels = new int[options.batchSize()];
        this.input = new float[options.batchSize() * network.inputWidth()];
    }

    /**
     * Tells the learning-rate schedule where this trainer starts in a run of {@code total} batches; without it the
     * schedule sees a run of one batch, i.e. factor 1.
     */
    public void planSchedule(long learnedBefore, long total) {
        if (learnedBefore < 0 || total < 0) {
            throw new IllegalArgumentException("batch counts must be >= 0, got " + learnedBefore + " of " + total);
        }
        batchesLearned = learnedBefore;
        plannedBatches = total;
    }

    /** Batches learned in the run so far, including those before {@link #planSchedule}'s start. */
    public long batchesLearned() {
        return batchesLearned;
    }

    /** Batches in an epoch over {@code samples} of this trainer's batch size. */
    public static long batchesPerEpoch(SampleSet samples, TrainingOptions options) {
        return (samples.size() + options.batchSize() - 1) / options.batchSize();
    }

    /** Re-creates the buffers after the network's topology changed. */
    public void topologyChanged() {
        propagation = new Propagation(network, kernels, options.batchSize());
        inference = null;
    }

    /**
     * Sets what runs after every learning step, before pruned edges are cleared again: e.g. a drift correction
     * in federated training. Runs on the training thread; must not allocate per call.
     */
    public void afterEachStep(Consumer<GatingNetwork> action) {
        afterStep = Objects.requireNonNull(action, "action");
    }

    /**
     * Sets the gain the output error is multiplied by before each learning step (read once per batch): the
     * modulatory input through which signals from outside, such as other peers' error or reward signals, reach
     * every rule. 1 leaves learning as it is.
     */
    public void modulateErrorBy(DoubleSupplier gain) {
        errorGain = Objects.requireNonNull(gain, "gain");
    }

    /**
     * One pass over {@code samples} in a fresh random order.
     *
     * @param stop checked between batches; when true the pass ends after the current batch
     * @throws TrainingDivergedException when the loss or a weight becomes NaN or infinite
     */
    public EpochStats trainEpoch(SampleSet samples, Progress progress, BooleanSupplier stop) {
        requireCompatible(samples);
        int size = samples.size();
        shuffle(size);
        long start = System.nanoTime();
        double loss = 0;
        long right = 0;
        int done = 0;
        propagation.takeActivity();
        boolean stopped = false;
        for (int from = 0; from < size; from += options.batchSize()) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            int count = Math.min(options.batchSize(), size - from);
            // the schedule's factor first: the gates adapt with it during the forward pass, the rule learns with it
            propagation.rateFactor(options.schedule().factor(batchesLearned++, plannedBatches));
            run(samples, from, count, true);
            double batchLoss = propagation.lossSum();
            if (!Double.isFinite(batchLoss)) {
                throw new TrainingDivergedException("the loss became " + batchLoss + " at samples " + from + ".."
                        + (from + count - 1) + " of this epoch; lower the learning rate or check the input");
            }
            float gain = (float) errorGain.getAsDouble();
            if (gain != 1f) {
                propagation.scaleOutputError(gain);
            }
            propagation.deliverError(true);
            rule.learn(propagation);
            afterStep.accept(network);
            for (int l = 0; l < network.layerCount(); l++) {
                if (network.layer(l).prunedEdges > 0) {
                    network.layer(l).applyMask();
                }
            }
            loss += batchLoss;
            right += propagation.correct();
            done += count;
            progress.batchDone(done, size, loss / done, (double) right / done);
        }
        network.requireFinite("after " + done + " samples of this epoch");
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(done, done == 0 ? 0 : loss / done, done == 0 ? 0 : (double) right / done, seconds,
                propagation.takeActivity(), stopped);
    }

    /** Fraction of {@code samples} classified right, without learning or changing node state. */
    public double evaluate(SampleSet samples) {
        return evaluateInDetail(samples).accuracy();
    }

    /**
     * Classifies {@code samples} without learning or changing node state, and reports how active each hidden layer
     * was (static samples; sequences report accuracy only). Static samples skip silent nodes
     * ({@link Inference}).
     */
    public Evaluation evaluateInDetail(SampleSet samples) {
        requireCompatible(samples);
        if (samples.timeSteps() == 1) {
            if (inference == null) {
                inference = new Inference(network, kernels, options.batchSize(), true);
            }
            return inference.evaluate(samples);
        }
        long start = System.nanoTime();
        int size = samples.size();
        long right = 0;
        if (order.length != size) {
            order = new int[size];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int from = 0; from < size; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), size - from);
            run(samples, from, count, false);
            right += propagation.correct();
        }
        return new Evaluation(size, (int) right, List.of(), (System.nanoTime() - start) / 1e9);
    }

    private void run(SampleSet samples, int from, int count, boolean training) {
        for (int b = 0; b < count; b++) {
            labels[b] = samples.label(order[from + b]);
        }
        if (samples.timeSteps() == 1) {
            samples.fill(order, from, count, 0, input);
            propagation.forward(input, labels, count, training);
        } else {
            sequence.select(samples, from, count);
            propagation.forwardSequence(sequence, labels, count, samples.timeSteps(), options.traceDecay(), training);
        }
    }

    private void shuffle(int size) {
        if (order.length != size) {
            order = new int[size];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private void requireCompatible(SampleSet samples) {
        if (samples.inputWidth() != network.inputWidth()) {
            throw new IllegalArgumentException("the samples have " + samples.inputWidth()
                    + " values per input but the network's input layer has " + network.inputWidth());
        }
        if (samples.classCount() != network.outputWidth()) {
            throw new IllegalArgumentException("the samples have " + samples.classCount()
                    + " classes but the network's readout has " + network.outputWidth() + " nodes");
        }
    }

    public GatingNetwork network() {
        return network;
    }

    public Propagation propagation() {
        return propagation;
    }
}

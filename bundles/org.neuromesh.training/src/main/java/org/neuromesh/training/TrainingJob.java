package org.neuromesh.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TopologySettings;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingSetup;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.Evaluation;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.InferenceSpeed;
import org.neuromesh.engine.network.InputNormalization;
import org.neuromesh.engine.network.SampleSet;
import org.neuromesh.engine.network.TopologyPlan;
import org.neuromesh.engine.network.TrainingDivergedException;
import org.neuromesh.engine.network.TrainingOptions;
import org.neuromesh.engine.network.TrainingRun;

/**
 * One run of a {@link TrainingPlan} with one rule, on the caller's thread: reads the data set as the plan's task
 * shows it (holding images out for validation when asked), builds the network or continues from a checkpoint,
 * trains with the plan's options (topology changes after each epoch, a checkpoint after every epoch), evaluates the
 * test set once at the end (never when images were held out), times inference when asked, and tells the listener
 * each step. Stops after the current batch once {@link #stop(String)} was called; the last checkpoint stays.
 */
public final class TrainingJob {

    /** Batch of the inference timing. */
    private static final int INFERENCE_BATCH = 256;
    /** Timed passes each way; the median is kept. */
    private static final int INFERENCE_REPEATS = 3;

    private final TrainingPlan plan;
    private final LearningRule rule;
    private final String ruleName;
    private final TrainingListener listener;
    private final int threads;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** Snapshots asked for, taken by the training thread at the next batch boundary (or at the end). */
    private final Queue<CompletableFuture<ClusterSnapshot>> snapshots = new ConcurrentLinkedQueue<>();
    private volatile GatingNetwork network;
    /** How the run was set up, once it was. */
    private TrainingSetup setup;
    private volatile boolean ended;
    private volatile String endedHow = "";

    /** @param threads worker threads of the matrix kernels, unless the plan's options name a count */
    public TrainingJob(TrainingPlan plan, LearningRule rule, String ruleName, TrainingListener listener, int threads) {
        this.plan = plan;
        this.rule = rule;
        this.ruleName = ruleName;
        this.listener = listener;
        this.threads = threads;
    }

    public TrainingPlan plan() {
        return plan;
    }

    public String ruleName() {
        return ruleName;
    }

    /**
     * Stops the run after its current batch; {@code failure} empty for a cancel by the user, else why it must stop
     * (e.g. its rule went away), which the result then names.
     */
    public void stop(String failure) {
        stopReason.compareAndSet(null, failure == null ? "" : failure);
    }

    /**
     * A copy of the network's hidden layers, taken on the training thread after the current batch; once the run
     * has ended, at once, of the network as it ended. Completes exceptionally if the run ended without a network.
     */
    public CompletionStage<ClusterSnapshot> snapshot() {
        CompletableFuture<ClusterSnapshot> snapshot = new CompletableFuture<>();
        snapshots.add(snapshot);
        if (ended) {
            // no batch will come: nothing trains the network any more, so any thread may copy it
            takeSnapshots("run ended" + endedHow);
        }
        return snapshot;
    }

    /** Runs the plan; tells the listener {@code ended} last, also when it fails, and returns the same result. */
    public TrainingResult run() {
        List<EpochResult> epochs = new ArrayList<>();
        TrainingResult result;
        try {
            result = train(epochs);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | TrainingDivergedException e) {
            result = new TrainingResult(epochs, Double.NaN, false, false, e.getMessage(), setup, null);
        }
        endedHow = ", after " + epochs.size() + " epochs";
        ended = true;
        takeSnapshots("run ended" + endedHow);
        listener.ended(result);
        return result;
    }

    /** Completes the snapshots asked for so far; on the training thread between batches, or after the run. */
    private void takeSnapshots(String source) {
        if (snapshots.isEmpty()) {
            return;
        }
        GatingNetwork current = network;
        ClusterSnapshot taken = current == null ? null : ClusterSnapshots.of(current, source);
        for (CompletableFuture<ClusterSnapshot> waiting; (waiting = snapshots.poll()) != null;) {
            if (taken != null) {
                waiting.complete(taken);
            } else {
                waiting.completeExceptionally(new IllegalStateException("the run ended before it had a network"));
            }
        }
    }

    private TrainingResult train(List<EpochResult> epochs) throws IOException {
        PlanSettings settings = PlanSettings.of(plan);
        RunOptions options = plan.options();
        TrainingData data = TrainingData.read(plan, settings);
        ImageSamples train = data.train();
        ImageSamples validation = data.validation();
        GatingNetwork network = network(train.inputWidth(), data, settings);
        this.network = network;
        TrainingOptions engineOptions = new TrainingOptions(plan.batch(), options.traceDecay(), plan.seed(),
                settings.schedule());
        TopologySettings t = options.topology();
        TopologyPlan topology = new TopologyPlan(t.split(), t.maxNodes(), t.prune(), t.pruneFrom(), t.duplicate());
        try (MatrixKernels kernels = Kernels.create(options.threads() > 0 ? options.threads() : threads)) {
            TrainingSetup setup = setup(settings, data, network, kernels);
            this.setup = setup;
            listener.started(setup);
            TrainingRun run = new TrainingRun(network, rule, kernels, engineOptions, topology, plan.checkpoint());
            BatchWindows windows = new BatchWindows(listener::batchWindow);
            List<EpochReport> reports = run.run(train, validation, plan.epochs(), new TrainingRun.Listener() {
                @Override
                public void batchDone(int epoch, int samplesDone, int samplesTotal, double meanLoss,
                        double accuracySoFar) {
                    int done = (samplesDone + plan.batch() - 1) / plan.batch();
                    int total = (samplesTotal + plan.batch() - 1) / plan.batch();
                    // between two batches on the training thread: the one moment a copy cannot race the trainer
                    takeSnapshots("live run, epoch " + epoch + ", batch " + done + " of " + total);
                    listener.batches(epoch, done, total, meanLoss);
                    listener.samples(epoch, samplesDone, samplesTotal, meanLoss);
                    windows.batchDone(epoch, done, total, samplesDone, meanLoss, accuracySoFar);
                }

                @Override
                public void epochDone(EpochReport report) {
                    EpochResult epoch = RunRecords.epoch(report);
                    epochs.add(epoch);
                    listener.epochEnded(epoch);
                }

                @Override
                public void saved(java.nio.file.Path file) {
                    listener.checkpointSaved(file);
                }
            }, () -> stopReason.get() != null);
            String failure = stopReason.get();
            boolean cancelled = failure != null && reports.size() < plan.epochs() || reports.stream()
                    .anyMatch(r -> r.training().stopped());
            if (failure != null && !failure.isEmpty()) {
                return new TrainingResult(epochs, lastValidation(epochs), false, true, failure, setup, null);
            }
            if (reports.isEmpty() || cancelled && !options.measureInference()) {
                return new TrainingResult(epochs, lastValidation(epochs), false, true, "", setup, null);
            }
            Evaluation last;
            SampleSet evaluated;
            if (validation != null) {
                last = reports.get(reports.size() - 1).validation().orElseThrow();
                evaluated = validation;
            } else {
                evaluated = data.test();
                last = run.evaluate(evaluated);
            }
            InferenceSpeed speed = options.measureInference() && evaluated.timeSteps() == 1
                    ? InferenceSpeed.measure(network, kernels, evaluated, INFERENCE_BATCH, INFERENCE_REPEATS)
                    : null;
            return new TrainingResult(epochs, last.accuracy(), validation == null, cancelled, "", setup,
                    RunRecords.evaluation(network.shape(), last, speed));
        }
    }

    private TrainingSetup setup(PlanSettings settings, TrainingData data, GatingNetwork network,
            MatrixKernels kernels) {
        ImageSamples train = data.train();
        ImageSamples validation = data.validation();
        String description = String.format(Locale.ROOT, "%s %s with rule '%s'%s: %d training images%s",
                widths(network.shape()), settings.dataset().title(), ruleName, settings(plan), train.size(),
                validation == null ? ", the test set once at the end"
                        : ", " + validation.size() + " held out for validation");
        InputNormalization normalization = network.inputNormalization();
        TrainingSetup.Data samples = new TrainingSetup.Data(settings.dataset().id(), settings.dataset().title(),
                train.size(), validation == null ? 0 : validation.size(), data.validationFingerprint(),
                settings.augmentation().id(), normalization.id(), normalization.toString());
        return new TrainingSetup(description, RunRecords.widths(network.shape()), rule.info().name(),
                rule.info().forwardOnly(), String.valueOf(rule), samples, settings.variant().id(),
                settings.variant().description(), RunRecords.settings(network.gating()), kernels.description(),
                kernels.threads());
    }

    /** The network the plan continues from, or a new one of its widths, gating and normalisation. */
    private GatingNetwork network(int inputWidth, TrainingData data, PlanSettings settings) throws IOException {
        RunOptions options = plan.options();
        if (options.load() != null) {
            GatingNetwork loaded = ClusterFile.read(options.load());
            if (loaded.inputWidth() != inputWidth || loaded.outputWidth() != TrainingData.CLASSES) {
                throw new IllegalArgumentException(options.load() + " holds a network " + widths(loaded.shape())
                        + " that does not fit " + inputWidth + " inputs and " + TrainingData.CLASSES + " classes");
            }
            return loaded;
        }
        int[] sizes = new int[plan.hidden().size() + 2];
        sizes[0] = inputWidth;
        for (int i = 0; i < plan.hidden().size(); i++) {
            sizes[i + 1] = plan.hidden().get(i);
        }
        sizes[sizes.length - 1] = TrainingData.CLASSES;
        GatingParameters gating = settings.variant().apply(RunRecords.parameters(options.gating(),
                options.traceDecay()));
        InputNormalization normalization = plan.normalise().equals("standard")
                ? InputNormalization.standardise(data.wholeTrainingImages())
                : InputNormalization.NONE;
        return GatingNetwork.create(new NetworkShape(sizes), gating, plan.seed(), normalization);
    }

    /** The gating parameters of a new network for the values a plan leaves unset. */
    public static GatingSettings defaultGating() {
        return RunRecords.settings(GatingParameters.defaults());
    }

    private static double lastValidation(List<EpochResult> epochs) {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationAccuracy();
    }

    /** The plan's rule settings as the run's description names them, e.g. {@code " (learningRate = 0.02)"}. */
    static String settings(TrainingPlan plan) {
        StringBuilder text = new StringBuilder();
        plan.ruleSettings().forEach((id, value) -> text.append(text.length() == 0 ? " (" : ", ").append(id)
                .append(" = ").append(value));
        return text.length() == 0 ? "" : text.append(')').toString();
    }

    static String widths(NetworkShape shape) {
        StringBuilder text = new StringBuilder();
        for (int size : shape.layerSizes()) {
            text.append(text.length() == 0 ? "" : "-").append(size);
        }
        return text.toString();
    }
}

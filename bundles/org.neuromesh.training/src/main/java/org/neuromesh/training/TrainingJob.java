package org.neuromesh.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.data.ValidationSplit;
import org.neuromesh.engine.gating.GatingVariant;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.Augmentation;
import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.Evaluation;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.InputNormalization;
import org.neuromesh.engine.network.LayerActivity;
import org.neuromesh.engine.network.LearningRateSchedule;
import org.neuromesh.engine.network.SampleSet;
import org.neuromesh.engine.network.TopologyPlan;
import org.neuromesh.engine.network.TrainingDivergedException;
import org.neuromesh.engine.network.TrainingOptions;
import org.neuromesh.engine.network.TrainingRun;
import org.neuromesh.engine.gating.GatingParameters;

/**
 * One run of a {@link TrainingPlan} with one rule, on the caller's thread: reads the data set (holding images out for
 * validation when asked), builds the network, trains with a checkpoint after every epoch, evaluates the test set once
 * at the end (never when images were held out), and tells the listener each step. Stops after the current batch
 * once {@link #stop(String)} was called; the last checkpoint stays.
 */
public final class TrainingJob {

    private static final int CLASSES = 10;

    private final TrainingPlan plan;
    private final LearningRule rule;
    private final String ruleName;
    private final TrainingListener listener;
    private final int threads;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** Snapshots asked for, taken by the training thread at the next batch boundary (or at the end). */
    private final Queue<CompletableFuture<ClusterSnapshot>> snapshots = new ConcurrentLinkedQueue<>();
    private volatile GatingNetwork network;
    private volatile boolean ended;
    private volatile String endedHow = "";

    /** @param threads worker threads of the matrix kernels */
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
            result = new TrainingResult(epochs, Double.NaN, false, false, e.getMessage());
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
        Dataset dataset = Dataset.fromName(plan.dataset());
        MnistFiles files = MnistFiles.locate(dataset, dataset.defaultDirectory());
        LabelledImages trainImages = files.readTraining();
        LabelledImages heldOut = null;
        if (plan.validation() > 0) {
            ValidationSplit split = ValidationSplit.of(trainImages, plan.validation(), ValidationSplit.DEFAULT_SEED);
            trainImages = split.training();
            heldOut = split.validation();
        }
        if (plan.trainingSamples() > 0 && plan.trainingSamples() < trainImages.count()) {
            // a seeded draw of that many: the images a split would hold out
            trainImages = ValidationSplit.of(trainImages, plan.trainingSamples(), plan.seed()).validation();
        }
        Augmentation augmentation = Augmentation.fromName(plan.augment());
        ImageSamples whole = ImageSamples.whole(trainImages, CLASSES);
        SampleSet train = augmentation.active() ? whole.augmented(augmentation, plan.seed() * 31 + 7) : whole;
        SampleSet validation = heldOut == null ? null : ImageSamples.whole(heldOut, CLASSES);
        GatingNetwork network = network(whole);
        this.network = network;
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(plan.batch()).withSeed(plan.seed())
                .withSchedule(LearningRateSchedule.fromName(plan.schedule()));
        try (MatrixKernels kernels = Kernels.create(threads)) {
            listener.started(String.format(Locale.ROOT, "%s %s with rule '%s'%s: %d training images%s", widths(network
                    .shape()), dataset.title(), ruleName, settings(plan), train.size(), validation == null
                            ? ", the test set once at the end" : ", " + validation.size() + " held out for validation"));
            TrainingRun run = new TrainingRun(network, rule, kernels, options, TopologyPlan.none(), plan.checkpoint());
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
                    windows.batchDone(epoch, done, total, samplesDone, meanLoss, accuracySoFar);
                }

                @Override
                public void epochDone(EpochReport report) {
                    EpochResult epoch = epochResult(report);
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
                return new TrainingResult(epochs, lastValidation(epochs), false, true, failure);
            }
            if (cancelled || reports.isEmpty()) {
                return new TrainingResult(epochs, lastValidation(epochs), false, true, "");
            }
            if (validation != null) {
                return new TrainingResult(epochs, lastValidation(epochs), false, false, "");
            }
            Evaluation test = run.evaluate(ImageSamples.whole(files.readTest(), CLASSES));
            return new TrainingResult(epochs, test.accuracy(), true, false, "");
        }
    }

    private GatingNetwork network(ImageSamples trainSamples) {
        int[] sizes = new int[plan.hidden().size() + 2];
        sizes[0] = trainSamples.inputWidth();
        for (int i = 0; i < plan.hidden().size(); i++) {
            sizes[i + 1] = plan.hidden().get(i);
        }
        sizes[sizes.length - 1] = CLASSES;
        GatingParameters gating = GatingVariant.fromName(plan.gating()).apply(GatingParameters.defaults());
        InputNormalization normalization = switch (plan.normalise()) {
            case "standard" -> InputNormalization.standardise(trainSamples);
            case "none" -> InputNormalization.NONE;
            default -> throw new IllegalArgumentException("normalise is none or standard, not '" + plan.normalise()
                    + "'");
        };
        return GatingNetwork.create(new NetworkShape(sizes), gating, plan.seed(), normalization);
    }

    private static double lastValidation(List<EpochResult> epochs) {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationAccuracy();
    }

    static EpochResult epochResult(EpochReport report) {
        List<LayerResult> layers = new ArrayList<>();
        for (LayerActivity layer : report.training().layers()) {
            layers.add(new LayerResult(layer.layer(), layer.nodes(), layer.releaseRate(), layer.forcedShare(),
                    layer.meanThreshold()));
        }
        Optional<Evaluation> validation = report.validation();
        return new EpochResult(report.epoch(), report.training().meanLoss(), report.training().trainAccuracy(),
                validation.map(Evaluation::accuracy).orElse(Double.NaN), report.training().seconds(),
                report.training().samplesPerSecond(), layers, report.hiddenNodes(), report.topologyChange(),
                report.training().stopped());
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

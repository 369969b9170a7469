package org.neuromesh.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.data.ValidationSplit;
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
import org.neuromesh.engine.network.LayerActivity;
import org.neuromesh.engine.network.LearningRateSchedule;
import org.neuromesh.engine.network.SampleSet;
import org.neuromesh.engine.network.TopologyPlan;
import org.neuromesh.engine.network.TrainingOptions;
import org.neuromesh.engine.network.TrainingRun;

/**
 * One training as a user runs it from the shell: reads the data set (holding images out for validation when asked),
 * builds or loads the network, trains with a progress bar and a line per epoch, saves checkpoints, evaluates the
 * test set once at the end (never in a validation run), and ends with a summary, each hidden layer's activity and
 * the speed of inference with and without skipping silent nodes (and a {@code RESULT} line of JSON for scripts when
 * asked).
 */
public final class TrainingSession {

    private static final int CLASSES = 10;
    /** Batch of the final evaluation and the inference timing. */
    private static final int INFERENCE_BATCH = 256;

    private final TrainArguments args;
    private final LearningRule rule;
    private final PrintStream out;
    /** Which images were held out (see {@link ValidationSplit#fingerprint()}), or 0 when none were. */
    private long splitFingerprint;

    public TrainingSession(TrainArguments args, LearningRule rule, PrintStream out) {
        this.args = args;
        this.rule = rule;
        this.out = out;
    }

    /**
     * @param stop checked between batches; when it turns true the run ends after the current batch and saves
     * @return the epochs run, and the test evaluation unless images were held out
     * @throws IOException if the data set or the checkpoint to load cannot be read (the message says which)
     */
    public TrainingOutcome run(BooleanSupplier stop) throws IOException {
        MnistFiles files = MnistFiles.locate(args.dataset(), args.dataset().defaultDirectory());
        LabelledImages trainImages = files.readTraining();
        LabelledImages heldOut = null;
        if (args.validation() > 0) {
            ValidationSplit split = ValidationSplit.of(trainImages, args.validation(), ValidationSplit.DEFAULT_SEED);
            trainImages = split.training();
            heldOut = split.validation();
            splitFingerprint = split.fingerprint();
        }
        SampleSet train = augmented(samples(trainImages));
        SampleSet validation = heldOut == null ? null : samples(heldOut);
        GatingNetwork network = network(train.inputWidth(), trainImages);
        TopologyPlan plan = new TopologyPlan(args.split(), args.maxNodes(), args.prune(), args.pruneFrom(),
                args.duplicate());
        TrainingOptions options = new TrainingOptions(args.batch(), args.traceDecay(), args.seed(), args.schedule());
        try (MatrixKernels kernels = Kernels.create(args.threads())) {
            out.printf(Locale.ROOT, "training %s %s (%s task) with rule '%s' on %s: %d train, %s samples"
                    + "%s%s%s%n", widths(network.shape()), args.dataset().title(), args.task(), rule.info().name(),
                    kernels.description(), train.size(),
                    validation == null ? "10000 test (evaluated once, at the end)"
                            : validation.size() + " validation (held out of the training set; the test set is not "
                                    + "touched)",
                    network.inputNormalization().isIdentity() ? "" : "; " + network.inputNormalization(),
                    args.augment().active() ? "; augmented: " + args.augment().id() : "",
                    args.schedule() == LearningRateSchedule.CONSTANT ? "" : "; " + args.schedule().id()
                            + " learning-rate schedule");
            out.println("rule settings: " + rule);
            out.println("gating: " + args.gatingVariant().description() + " ("
                    + TrainArguments.describe(network.gating()) + ")");
            ProgressBar bar = new ProgressBar(out, 250);
            TrainingRun run = new TrainingRun(network, rule, kernels, options, plan, args.save());
            bar.start();
            List<EpochReport> reports = run.run(train, validation, args.epochs(), new TrainingRun.Listener() {
                @Override
                public void batchDone(int epoch, int done, int total, double meanLoss) {
                    bar.update(epoch, args.epochs(), done, total, meanLoss);
                }

                @Override
                public void epochDone(EpochReport report) {
                    bar.finish();
                    out.println(epochLine(report));
                    bar.start();
                }

                @Override
                public void saved(Path file) {
                    out.println("  saved " + file);
                }
            }, stop);
            bar.finish();
            if (reports.isEmpty()) {
                out.println("stopped before the first epoch ended");
                return new TrainingOutcome(reports, Optional.empty());
            }
            Optional<Evaluation> test = Optional.empty();
            SampleSet finalSet = validation;
            if (validation == null) {
                SampleSet testSamples = samples(files.readTest());
                test = Optional.of(run.evaluate(testSamples));
                finalSet = testSamples;
            }
            Evaluation last = test.orElseGet(() -> reports.get(reports.size() - 1).validation().orElseThrow());
            InferenceSpeed speed = finalSet.timeSteps() == 1
                    ? InferenceSpeed.measure(network, kernels, finalSet, INFERENCE_BATCH, 3) : null;
            summarise(reports, test.isPresent(), last, speed, network, kernels);
            return new TrainingOutcome(reports, test);
        }
    }

    private SampleSet samples(LabelledImages images) {
        return switch (args.task()) {
            case "delayed" -> ImageSamples.delayed(images, CLASSES, args.delay());
            case "rows" -> ImageSamples.rowByRow(images, CLASSES);
            default -> ImageSamples.whole(images, CLASSES);
        };
    }

    /** The training samples, varied as {@code --augment} asks (seeded from {@code --seed}). */
    private SampleSet augmented(SampleSet samples) {
        if (!args.augment().active()) {
            return samples;
        }
        return ((ImageSamples) samples).augmented(args.augment(), args.seed() * 31 + 7);
    }

    private GatingNetwork network(int inputWidth, LabelledImages trainImages) throws IOException {
        if (args.load() != null) {
            GatingNetwork loaded = ClusterFile.read(args.load());
            if (loaded.inputWidth() != inputWidth || loaded.outputWidth() != CLASSES) {
                throw new IllegalArgumentException(args.load() + " holds a network " + widths(loaded.shape())
                        + " that does not fit " + inputWidth + " inputs and " + CLASSES + " classes");
            }
            out.println("continuing from " + args.load() + " " + widths(loaded.shape()));
            return loaded;
        }
        int[] sizes = new int[args.hidden().length + 2];
        sizes[0] = inputWidth;
        System.arraycopy(args.hidden(), 0, sizes, 1, args.hidden().length);
        sizes[sizes.length - 1] = CLASSES;
        GatingParameters gating = args.gating();
        InputNormalization normalization = args.normalise().equals("standard")
                ? InputNormalization.standardise(ImageSamples.whole(trainImages, CLASSES))
                : InputNormalization.NONE;
        return GatingNetwork.create(new NetworkShape(sizes), gating, args.seed(), normalization);
    }

    static String epochLine(EpochReport r) {
        var t = r.training();
        StringBuilder layers = new StringBuilder();
        for (LayerActivity layer : t.layers()) {
            layers.append(String.format(Locale.ROOT, "  L%d %.1f%% (forced %.1f%%) d %.3f", layer.layer(),
                    100 * layer.releaseRate(), 100 * layer.forcedShare(), layer.meanThreshold()));
        }
        return String.format(Locale.ROOT,
                "epoch %d: loss %.4f  train %.2f%%%s  %.1f s  %.0f samples/s  releases%s  hidden nodes %d  "
                        + "live edges %.1f%%%s%s",
                r.epoch(), t.meanLoss(), 100 * t.trainAccuracy(),
                r.validation().isPresent() ? String.format(Locale.ROOT, "  validation %.2f%%",
                        100 * r.validationAccuracy()) : "",
                t.seconds(), t.samplesPerSecond(), layers, r.hiddenNodes(), 100.0 * r.liveEdges() / r.totalEdges(),
                r.topologyChange().isEmpty() ? "" : "  [" + r.topologyChange() + "]",
                t.stopped() ? "  (stopped)" : "");
    }

    private void summarise(List<EpochReport> reports, boolean onTest, Evaluation last, InferenceSpeed speed,
            GatingNetwork network, MatrixKernels kernels) {
        List<EpochReport> complete = reports.stream().filter(r -> !r.training().stopped()).toList();
        // The first epoch includes the JIT compiling the vector kernels; with more than one epoch, speed is the
        // mean of the later ones and the first is reported on its own (the PyTorch reference is timed alike).
        List<EpochReport> timed = complete.size() > 1 ? complete.subList(1, complete.size()) : complete;
        double seconds = timed.stream().mapToDouble(r -> r.training().seconds()).average().orElse(0);
        double rate = timed.stream().mapToDouble(r -> r.training().samplesPerSecond()).average().orElse(0);
        double firstSeconds = complete.isEmpty() ? 0 : complete.get(0).training().seconds();
        out.printf(Locale.ROOT, "done: %s accuracy %.2f%% after %d epochs, %.2f s per epoch "
                + "(first epoch, with JIT warm-up: %.2f s), %.0f samples/s, peak memory %.0f MB%n",
                onTest ? "test" : "validation", 100 * last.accuracy(), reports.size(), seconds, firstSeconds, rate,
                peakResidentMegabytes());
        for (LayerActivity layer : last.layers()) {
            out.printf(Locale.ROOT, "  layer %d at inference: %.1f%% of %d nodes release per sample, %d never did, "
                    + "mean d %.3f, mean timeToRelease %s%n", layer.layer(), 100 * layer.releaseRate(),
                    layer.nodes(), layer.silentNodes(), layer.meanThreshold(), timer(layer.meanTimeToRelease()));
        }
        if (speed != null) {
            out.printf(Locale.ROOT, "  inference: %.0f samples/s dense, %.0f samples/s skipping silent nodes and zero "
                    + "inputs (%.2fx); accuracy %.2f%% / %.2f%%%n", speed.dense().samplesPerSecond(),
                    speed.skipping().samplesPerSecond(), speed.speedUp(), 100 * speed.dense().accuracy(),
                    100 * speed.skipping().accuracy());
        }
        if (args.result()) {
            out.println("RESULT " + new ResultLine(args, rule, network, kernels).json(reports, onTest, last, speed,
                    splitFingerprint, seconds, firstSeconds, rate, peakResidentMegabytes(), peakHeapMegabytes()));
        }
    }

    static String timer(double timeToRelease) {
        return Double.isInfinite(timeToRelease) ? "off" : String.format(Locale.ROOT, "%.2f", timeToRelease);
    }

    static String widths(NetworkShape shape) {
        return IntStream.of(shape.layerSizes()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /** Peak resident set of this process (VmHWM on Linux), or -1 where it cannot be read. */
    static double peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or no procfs: say so with -1 rather than guess
        }
        return -1;
    }

    static double peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}

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
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.InputNormalization;
import org.neuromesh.engine.network.LearningRateSchedule;
import org.neuromesh.engine.network.SampleSet;
import org.neuromesh.engine.network.TopologyPlan;
import org.neuromesh.engine.network.TrainingOptions;
import org.neuromesh.engine.network.TrainingRun;

/**
 * One training as a user runs it from the shell: reads the data set, builds or loads the network, trains with a
 * progress bar and a line per epoch, saves checkpoints, and ends with a summary (and a {@code RESULT} line of
 * JSON for scripts when asked).
 */
public final class TrainingSession {

    private static final int CLASSES = 10;

    private final TrainArguments args;
    private final LearningRule rule;
    private final PrintStream out;

    public TrainingSession(TrainArguments args, LearningRule rule, PrintStream out) {
        this.args = args;
        this.rule = rule;
        this.out = out;
    }

    /**
     * @param stop checked between batches; when it turns true the run ends after the current batch and saves
     * @return the reports of the epochs run
     * @throws IOException if the data set or the checkpoint to load cannot be read (the message says which)
     */
    public List<EpochReport> run(BooleanSupplier stop) throws IOException {
        MnistFiles files = MnistFiles.locate(args.dataset(), args.dataset().defaultDirectory());
        LabelledImages trainImages = files.readTraining();
        LabelledImages testImages = files.readTest();
        SampleSet train = augmented(samples(trainImages));
        SampleSet test = samples(testImages);
        GatingNetwork network = network(train.inputWidth(), trainImages);
        TopologyPlan plan = new TopologyPlan(args.split(), args.maxNodes(), args.prune(), args.pruneFrom(),
                args.duplicate());
        TrainingOptions options = new TrainingOptions(args.batch(), args.traceDecay(), args.seed(), args.schedule());
        try (MatrixKernels kernels = Kernels.create(args.threads())) {
            out.printf(Locale.ROOT, "training %s %s (%s task) with rule '%s' on %s: %d train, %d test samples"
                    + "%s%s%s%n", widths(network.shape()), args.dataset().title(), args.task(), rule.info().name(),
                    kernels.description(), train.size(), test.size(),
                    network.inputNormalization().isIdentity() ? "" : "; " + network.inputNormalization(),
                    args.augment().active() ? "; augmented: " + args.augment().id() : "",
                    args.schedule() == LearningRateSchedule.CONSTANT ? "" : "; " + args.schedule().id()
                            + " learning-rate schedule");
            out.println("rule settings: " + rule);
            ProgressBar bar = new ProgressBar(out, 250);
            TrainingRun run = new TrainingRun(network, rule, kernels, options, plan, args.save());
            bar.start();
            List<EpochReport> reports = run.run(train, test, args.epochs(), new TrainingRun.Listener() {
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
            summarise(reports, network, kernels);
            return reports;
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
        GatingParameters gating = new GatingParameters(Math.max(args.threshold(), Float.MIN_NORMAL),
                args.timeToRelease(), args.etaD(), 0f, 0.001f, Math.min(args.traceDecay(), 0.999f));
        InputNormalization normalization = args.normalise().equals("standard")
                ? InputNormalization.standardise(ImageSamples.whole(trainImages, CLASSES))
                : InputNormalization.NONE;
        return GatingNetwork.create(new NetworkShape(sizes), gating, args.seed(), normalization);
    }

    static String epochLine(EpochReport r) {
        var t = r.training();
        return String.format(Locale.ROOT,
                "epoch %d: loss %.4f  train %.2f%%  test %.2f%%  %.1f s  %.0f samples/s  releases %.1f%% "
                        + "(timer %.1f%%)  d %.3f  hidden nodes %d  live edges %.1f%%%s%s",
                r.epoch(), t.meanLoss(), 100 * t.trainAccuracy(), 100 * r.testAccuracy(), t.seconds(),
                t.samplesPerSecond(), 100 * t.releaseRate(), 100 * t.timerShare(), r.meanThreshold(),
                r.hiddenNodes(), 100.0 * r.liveEdges() / r.totalEdges(),
                r.topologyChange().isEmpty() ? "" : "  [" + r.topologyChange() + "]",
                t.stopped() ? "  (stopped)" : "");
    }

    private void summarise(List<EpochReport> reports, GatingNetwork network, MatrixKernels kernels) {
        if (reports.isEmpty()) {
            out.println("stopped before the first epoch ended");
            return;
        }
        EpochReport last = reports.get(reports.size() - 1);
        List<EpochReport> complete = reports.stream().filter(r -> !r.training().stopped()).toList();
        // The first epoch includes the JIT compiling the vector kernels; with more than one epoch, speed is the
        // mean of the later ones and the first is reported on its own.
        List<EpochReport> timed = complete.size() > 1 ? complete.subList(1, complete.size()) : complete;
        double seconds = timed.stream().mapToDouble(r -> r.training().seconds()).average().orElse(0);
        double rate = timed.stream().mapToDouble(r -> r.training().samplesPerSecond()).average().orElse(0);
        double firstSeconds = complete.isEmpty() ? 0 : complete.get(0).training().seconds();
        double bestAccuracy = reports.stream().mapToDouble(EpochReport::testAccuracy).max().orElse(0);
        out.printf(Locale.ROOT, "done: test accuracy %.2f%% after %d epochs (best %.2f%%), %.2f s per epoch "
                + "(first epoch, with JIT warm-up: %.2f s), %.0f samples/s, peak memory %.0f MB%n",
                100 * last.testAccuracy(), reports.size(), 100 * bestAccuracy, seconds, firstSeconds, rate,
                peakResidentMegabytes());
        if (args.result()) {
            out.println("RESULT " + json(last, reports.size(), seconds, firstSeconds, rate, network, kernels));
        }
    }

    private String json(EpochReport last, int epochs, double seconds, double firstSeconds, double rate,
            GatingNetwork network, MatrixKernels kernels) {
        return String.format(Locale.ROOT, "{\"framework\":\"neuromesh\",\"rule\":\"%s\",\"forward_only\":%s,"
                + "\"dataset\":\"%s\",\"task\":\"%s\",\"network\":\"%s\",\"epochs\":%d,\"batch\":%d,"
                + "\"test_accuracy\":%.2f,\"seconds_per_epoch\":%.3f,\"first_epoch_seconds\":%.3f,"
                + "\"samples_per_second\":%.0f,"
                + "\"peak_rss_mb\":%.0f,\"peak_heap_mb\":%.0f,\"threads\":%d,\"kernels\":\"%s\","
                + "\"release_rate\":%.4f,\"timer_share\":%.4f,\"hidden_nodes\":%d,\"live_edges\":%d,"
                + "\"total_edges\":%d,\"trace_decay\":%s,\"augment\":\"%s\",\"schedule\":\"%s\","
                + "\"normalise\":\"%s\",\"rule_settings\":\"%s\",\"stopped\":%s}",
                rule.info().name(), rule.info().forwardOnly(), args.dataset().id(), args.task(),
                widths(network.shape()), epochs, args.batch(), 100 * last.testAccuracy(), seconds, firstSeconds, rate,
                peakResidentMegabytes(), peakHeapMegabytes(), kernels.threads(), kernels.description(),
                last.training().releaseRate(), last.training().timerShare(), last.hiddenNodes(), last.liveEdges(),
                last.totalEdges(), args.traceDecay(), args.augment().id(), args.schedule().id(),
                network.inputNormalization().id(),
                String.valueOf(rule).replace("\\", "\\\\").replace("\"", "\\\""), last.training().stopped());
    }

    private static String widths(NetworkShape shape) {
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

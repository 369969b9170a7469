package org.neuromesh.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.InferenceTiming;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.RunEvaluation;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingSetup;

/**
 * What the shell prints of a training: the header once it is set up, a progress bar and a line per epoch, the
 * checkpoints saved, and at the end a summary with each hidden layer's activity and the speed of inference with
 * and without skipping silent nodes (and a {@code RESULT} line of JSON for scripts when asked), or why it failed.
 */
final class TrainingConsole {

    private final TrainArguments args;
    private final PrintStream out;
    private final ProgressBar bar;

    TrainingConsole(TrainArguments args, PrintStream out) {
        this.args = args;
        this.out = out;
        this.bar = new ProgressBar(out, 250);
    }

    void started(TrainingSetup setup) {
        TrainingPlan plan = args.plan();
        Path load = plan.options().load();
        if (load != null) {
            out.println("continuing from " + load + " " + widths(setup.network()));
        }
        TrainingSetup.Data data = setup.data();
        out.printf(Locale.ROOT, "training %s %s (%s task) with rule '%s' on %s: %d train, %s samples%s%s%s%n",
                widths(setup.network()), data.title(), plan.options().task(), setup.rule(), setup.kernels(),
                data.training(), data.validation() == 0 ? "10000 test (evaluated once, at the end)"
                        : data.validation() + " validation (held out of the training set; the test set is not "
                                + "touched)",
                data.normalise().equals("none") ? "" : "; " + data.normalisation(),
                data.augment().equals("none") ? "" : "; augmented: " + data.augment(),
                plan.schedule().equals("constant") ? "" : "; " + plan.schedule() + " learning-rate schedule");
        out.println("rule settings: " + setup.ruleSettings());
        out.println("gating: " + setup.gatingDescription() + " (" + TrainArguments.describe(setup.gating()) + ")");
        bar.start();
    }

    void samples(int epoch, int done, int total, double meanLoss) {
        bar.update(epoch, args.plan().epochs(), done, total, meanLoss);
    }

    void epochEnded(EpochResult epoch) {
        bar.finish();
        out.println(epochLine(epoch));
        bar.start();
    }

    void saved(Path file) {
        out.println("  saved " + file);
    }

    void ended(TrainingResult result) {
        if (result.failed()) {
            out.println();
            out.println("training failed: " + result.failure());
            return;
        }
        bar.finish();
        if (result.epochs().isEmpty()) {
            out.println("stopped before the first epoch ended");
            return;
        }
        summarise(result, result.evaluation());
    }

    static String epochLine(EpochResult r) {
        StringBuilder layers = new StringBuilder();
        for (LayerResult layer : r.layers()) {
            layers.append(String.format(Locale.ROOT, "  L%d %.1f%% (forced %.1f%%) d %.3f", layer.layer(),
                    100 * layer.releaseRate(), 100 * layer.forcedShare(), layer.meanThreshold()));
        }
        return String.format(Locale.ROOT,
                "epoch %d: loss %.4f  train %.2f%%%s  %.1f s  %.0f samples/s  releases%s  hidden nodes %d  "
                        + "live edges %.1f%%%s%s",
                r.epoch(), r.loss(), 100 * r.trainAccuracy(),
                Double.isNaN(r.validationAccuracy()) ? "" : String.format(Locale.ROOT, "  validation %.2f%%",
                        100 * r.validationAccuracy()),
                r.seconds(), r.samplesPerSecond(), layers, r.hiddenNodes(), 100.0 * r.liveEdges() / r.totalEdges(),
                r.topologyChange().isEmpty() ? "" : "  [" + r.topologyChange() + "]",
                r.stopped() ? "  (stopped)" : "");
    }

    private void summarise(TrainingResult result, RunEvaluation evaluation) {
        EpochTimes times = EpochTimes.of(result.epochs());
        out.printf(Locale.ROOT, "done: %s accuracy %.2f%% after %d epochs, %.2f s per epoch "
                + "(first epoch, with JIT warm-up: %.2f s), %.0f samples/s, peak memory %.0f MB%n",
                result.onTestSet() ? "test" : "validation", 100 * result.finalAccuracy(), result.epochs().size(),
                times.seconds(), times.firstSeconds(), times.samplesPerSecond(), evaluation.peakResidentMegabytes());
        for (LayerResult layer : evaluation.layers()) {
            out.printf(Locale.ROOT, "  layer %d at inference: %.1f%% of %d nodes release per sample, %d never did, "
                    + "mean d %.3f, mean timeToRelease %s%n", layer.layer(), 100 * layer.releaseRate(),
                    layer.nodes(), layer.silentNodes(), layer.meanThreshold(), timer(layer.meanTimeToRelease()));
        }
        InferenceTiming speed = evaluation.inference();
        if (speed != null) {
            out.printf(Locale.ROOT, "  inference: %.0f samples/s dense, %.0f samples/s skipping silent nodes and zero "
                    + "inputs (%.2fx); accuracy %.2f%% / %.2f%%%n", speed.denseSamplesPerSecond(),
                    speed.skippingSamplesPerSecond(), speed.speedUp(), 100 * speed.denseAccuracy(),
                    100 * speed.skippingAccuracy());
        }
        if (args.result()) {
            out.println("RESULT " + ResultLine.json(args.plan(), result, times));
        }
    }

    static String timer(double timeToRelease) {
        return Double.isInfinite(timeToRelease) ? "off" : String.format(Locale.ROOT, "%.2f", timeToRelease);
    }

    static String widths(List<Integer> network) {
        return network.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /**
     * How long the epochs took. The first epoch includes the JIT compiling the vector kernels; with more than one
     * complete epoch, speed is the mean of the later ones and the first is reported on its own (the PyTorch
     * reference is timed alike). Stopped epochs do not count.
     *
     * @param seconds          mean seconds per timed epoch
     * @param firstSeconds     the first complete epoch's seconds
     * @param samplesPerSecond mean training speed of the timed epochs
     */
    record EpochTimes(double seconds, double firstSeconds, double samplesPerSecond) {

        static EpochTimes of(List<EpochResult> epochs) {
            List<EpochResult> complete = epochs.stream().filter(e -> !e.stopped()).toList();
            List<EpochResult> timed = complete.size() > 1 ? complete.subList(1, complete.size()) : complete;
            return new EpochTimes(timed.stream().mapToDouble(EpochResult::seconds).average().orElse(0),
                    complete.isEmpty() ? 0 : complete.get(0).seconds(),
                    timed.stream().mapToDouble(EpochResult::samplesPerSecond).average().orElse(0));
        }
    }
}

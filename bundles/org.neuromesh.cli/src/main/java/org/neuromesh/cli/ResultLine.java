package org.neuromesh.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.InferenceTiming;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.RunEvaluation;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingSetup;

/**
 * The machine-readable summary of a training, one line of JSON after {@code RESULT }, that the benchmarks collect:
 * the settings, the per-epoch curves, each hidden layer's activity in training and at inference, and the timings.
 * Accuracies are percentages; an accuracy that was not measured (the test set in a validation run) is null.
 */
final class ResultLine {

    private ResultLine() {
    }

    /** @param result a run that ended at least one epoch, with its setup and final evaluation */
    static String json(TrainingPlan plan, TrainingResult result, TrainingConsole.EpochTimes times) {
        List<EpochResult> epochs = result.epochs();
        EpochResult lastEpoch = epochs.get(epochs.size() - 1);
        TrainingSetup setup = result.setup();
        RunEvaluation evaluation = result.evaluation();
        InferenceTiming speed = evaluation.inference();
        GatingSettings g = setup.gating();
        boolean onTest = result.onTestSet();
        double accuracy = 100 * result.finalAccuracy();
        Json json = new Json();
        json.text("framework", "neuromesh").text("rule", setup.rule()).bool("forward_only", setup.forwardOnly())
                .text("dataset", setup.data().dataset()).text("task", plan.options().task())
                .text("network", TrainingConsole.widths(evaluation.network())).integer("epochs", epochs.size())
                .integer("batch", plan.batch()).integer("seed", plan.seed()).integer("validation", plan.validation())
                .integer("validation_fingerprint", setup.data().validationFingerprint())
                .text("evaluated_on", onTest ? "test" : "validation")
                .number("test_accuracy", onTest ? accuracy : Double.NaN, 2)
                .number("validation_accuracy", onTest ? Double.NaN : accuracy, 2)
                .numbers("validation_curve", epochs, e -> 100 * e.validationAccuracy(), 2)
                .numbers("train_curve", epochs, e -> 100 * e.trainAccuracy(), 2)
                .numbers("loss_curve", epochs, EpochResult::loss, 4)
                .numbers("epoch_seconds", epochs, EpochResult::seconds, 3)
                .number("seconds_per_epoch", times.seconds(), 3).number("first_epoch_seconds", times.firstSeconds(), 3)
                .number("samples_per_second", times.samplesPerSecond(), 0)
                .number("peak_rss_mb", evaluation.peakResidentMegabytes(), 0)
                .number("peak_heap_mb", evaluation.peakHeapMegabytes(), 0).integer("threads", setup.threads())
                .text("kernels", setup.kernels()).text("gating", setup.gatingVariant())
                .number("threshold", g.threshold(), 6)
                .number("time_to_release", g.hasTimer() ? g.timeToRelease() : Double.NaN, 3)
                .number("eta_d", g.etaD(), 6).number("eta_t", g.etaT(), 6).number("alpha", g.alpha(), 6)
                .number("release_rate", evaluation.releaseRate(), 4)
                .number("train_release_rate", lastEpoch.releaseRate(), 4)
                .number("timer_share", lastEpoch.timerShare(), 4)
                .raw("layers", layers(lastEpoch.layers(), evaluation.layers()))
                .number("inference_dense_samples_per_second", speed == null ? Double.NaN
                        : speed.denseSamplesPerSecond(), 0)
                .number("inference_skipping_samples_per_second", speed == null ? Double.NaN
                        : speed.skippingSamplesPerSecond(), 0)
                .number("inference_speedup", speed == null ? Double.NaN : speed.speedUp(), 3)
                .integer("hidden_nodes", lastEpoch.hiddenNodes()).integer("live_edges", lastEpoch.liveEdges())
                .integer("total_edges", lastEpoch.totalEdges())
                .number("trace_decay", plan.options().traceDecay(), 3)
                .text("augment", setup.data().augment()).text("schedule", plan.schedule())
                .text("normalise", setup.data().normalise()).text("rule_settings", setup.ruleSettings())
                .bool("stopped", lastEpoch.stopped());
        return json.toString();
    }

    /** Per hidden layer: releases in the last training epoch and at the final inference. */
    private static String layers(List<LayerResult> training, List<LayerResult> inference) {
        StringBuilder list = new StringBuilder("[");
        for (int l = 0; l < training.size(); l++) {
            LayerResult trained = training.get(l);
            Json layer = new Json().integer("layer", l).integer("nodes", trained.nodes())
                    .number("train_release_rate", trained.releaseRate(), 4)
                    .number("forced_share", trained.forcedShare(), 4)
                    .integer("train_silent_nodes", trained.silentNodes());
            if (l < inference.size()) {
                LayerResult inferred = inference.get(l);
                layer.number("release_rate", inferred.releaseRate(), 4)
                        .integer("silent_nodes", inferred.silentNodes())
                        .number("mean_threshold", inferred.meanThreshold(), 4)
                        .number("mean_time_to_release", inferred.meanTimeToRelease(), 3);
            }
            list.append(l == 0 ? "" : ",").append(layer);
        }
        return list.append(']').toString();
    }

    /** A flat JSON object written field by field; NaN and infinities become null. */
    private static final class Json {
        private final StringBuilder text = new StringBuilder("{");

        Json text(String name, String value) {
            return raw(name, '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }

        Json bool(String name, boolean value) {
            return raw(name, String.valueOf(value));
        }

        Json integer(String name, long value) {
            return raw(name, String.valueOf(value));
        }

        Json number(String name, double value, int decimals) {
            return raw(name, format(value, decimals));
        }

        Json numbers(String name, List<EpochResult> reports, ToDoubleFunction<EpochResult> value, int decimals) {
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < reports.size(); i++) {
                list.append(i == 0 ? "" : ",").append(format(value.applyAsDouble(reports.get(i)), decimals));
            }
            return raw(name, list.append(']').toString());
        }

        Json raw(String name, String value) {
            text.append(text.length() == 1 ? "" : ",").append('"').append(name).append("\":").append(value);
            return this;
        }

        private static String format(double value, int decimals) {
            return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "null";
        }

        @Override
        public String toString() {
            return text + "}";
        }
    }
}

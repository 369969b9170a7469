package org.neuromesh.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.Evaluation;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.InferenceSpeed;
import org.neuromesh.engine.network.LayerActivity;

/**
 * The machine-readable summary of a training, one line of JSON after {@code RESULT }, that the benchmarks collect:
 * the settings, the per-epoch curves, each hidden layer's activity in training and at inference, and the timings.
 * Accuracies are percentages; an accuracy that was not measured (the test set in a validation run) is null.
 */
final class ResultLine {

    private final TrainArguments args;
    private final LearningRule rule;
    private final GatingNetwork network;
    private final MatrixKernels kernels;

    ResultLine(TrainArguments args, LearningRule rule, GatingNetwork network, MatrixKernels kernels) {
        this.args = args;
        this.rule = rule;
        this.network = network;
        this.kernels = kernels;
    }

    String json(List<EpochReport> reports, boolean onTest, Evaluation last, InferenceSpeed speed,
            long splitFingerprint, double seconds, double firstSeconds, double rate, double peakResident,
            double peakHeap) {
        EpochReport lastEpoch = reports.get(reports.size() - 1);
        GatingParameters g = network.gating();
        Json json = new Json();
        json.text("framework", "neuromesh").text("rule", rule.info().name()).bool("forward_only",
                rule.info().forwardOnly()).text("dataset", args.dataset().id()).text("task", args.task())
                .text("network", TrainingSession.widths(network.shape())).integer("epochs", reports.size())
                .integer("batch", args.batch()).integer("seed", args.seed()).integer("validation", args.validation())
                .integer("validation_fingerprint", splitFingerprint)
                .text("evaluated_on", onTest ? "test" : "validation")
                .number("test_accuracy", onTest ? 100 * last.accuracy() : Double.NaN, 2)
                .number("validation_accuracy", onTest ? Double.NaN : 100 * last.accuracy(), 2)
                .numbers("validation_curve", reports, r -> 100 * r.validationAccuracy(), 2)
                .numbers("train_curve", reports, r -> 100 * r.training().trainAccuracy(), 2)
                .numbers("loss_curve", reports, r -> r.training().meanLoss(), 4)
                .numbers("epoch_seconds", reports, r -> r.training().seconds(), 3)
                .number("seconds_per_epoch", seconds, 3).number("first_epoch_seconds", firstSeconds, 3)
                .number("samples_per_second", rate, 0).number("peak_rss_mb", peakResident, 0)
                .number("peak_heap_mb", peakHeap, 0).integer("threads", kernels.threads())
                .text("kernels", kernels.description()).text("gating", args.gatingVariant().id())
                .number("threshold", g.initialThreshold(), 6)
                .number("time_to_release", g.hasTimer() ? g.initialTimeToRelease() : Double.NaN, 3)
                .number("eta_d", g.etaD0(), 6).number("eta_t", g.etaT(), 6).number("alpha", g.alpha(), 6)
                .number("release_rate", last.releaseRate(), 4)
                .number("train_release_rate", lastEpoch.training().releaseRate(), 4)
                .number("timer_share", lastEpoch.training().timerShare(), 4)
                .raw("layers", layers(lastEpoch.training().layers(), last.layers()))
                .number("inference_dense_samples_per_second", speed == null ? Double.NaN
                        : speed.dense().samplesPerSecond(), 0)
                .number("inference_skipping_samples_per_second", speed == null ? Double.NaN
                        : speed.skipping().samplesPerSecond(), 0)
                .number("inference_speedup", speed == null ? Double.NaN : speed.speedUp(), 3)
                .integer("hidden_nodes", lastEpoch.hiddenNodes()).integer("live_edges", lastEpoch.liveEdges())
                .integer("total_edges", lastEpoch.totalEdges()).number("trace_decay", args.traceDecay(), 3)
                .text("augment", args.augment().id()).text("schedule", args.schedule().id())
                .text("normalise", network.inputNormalization().id()).text("rule_settings", String.valueOf(rule))
                .bool("stopped", lastEpoch.training().stopped());
        return json.toString();
    }

    /** Per hidden layer: releases in the last training epoch and at the final inference. */
    private static String layers(List<LayerActivity> training, List<LayerActivity> inference) {
        StringBuilder list = new StringBuilder("[");
        for (int l = 0; l < training.size(); l++) {
            LayerActivity trained = training.get(l);
            Json layer = new Json().integer("layer", l).integer("nodes", trained.nodes())
                    .number("train_release_rate", trained.releaseRate(), 4)
                    .number("forced_share", trained.forcedShare(), 4)
                    .integer("train_silent_nodes", trained.silentNodes());
            if (l < inference.size()) {
                LayerActivity inferred = inference.get(l);
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

        Json numbers(String name, List<EpochReport> reports, ToDoubleFunction<EpochReport> value, int decimals) {
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

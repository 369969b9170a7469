package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.neuromesh.api.training.BatchWindow;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.TrainingResult;

/**
 * The Learning view: the run under way (or the last one) as a line of progress, charts of accuracy and loss per batch
 * window and per epoch and of each hidden layer's gating, and one row per epoch, with each hidden layer's release
 * rate, mean threshold and forced releases. Topology changes (split, duplicate, prune) are marked on the charts and
 * get a column once there is one. Not thread-safe: the view feeds it on the UI thread, from the events a run posts.
 */
public final class LearningViewModel {

    /** Shown before any run. */
    public static final String IDLE = "No run yet: Run > Run quick experiment trains one epoch on 5,000 MNIST images.";

    private final List<EpochResult> epochs = new ArrayList<>();
    private final List<BatchWindow> windows = new ArrayList<>();
    private String description = "";
    private String progress = IDLE;

    /** A new run started: forget the last one. */
    public void started(String what) {
        epochs.clear();
        windows.clear();
        description = what;
        progress = "Training " + what;
    }

    public void batches(int epoch, int done, int total, double meanLoss) {
        progress = String.format(Locale.ROOT, "Epoch %d: batch %d of %d, loss %.4f", epoch, done, total, meanLoss);
    }

    public void batchWindow(BatchWindow window) {
        windows.add(window);
    }

    public void epochEnded(EpochResult epoch) {
        epochs.add(epoch);
    }

    /** Training accuracy per batch window, training and validation accuracy per epoch. */
    public Chart accuracyChart() {
        return new Chart("Accuracy", "Epoch", "Accuracy", true, List.of(
                new Chart.Series("train per window", windowPoints(BatchWindow::accuracy)),
                new Chart.Series("train per epoch", epochPoints(EpochResult::trainAccuracy)),
                new Chart.Series("validation per epoch", epochPoints(EpochResult::validationAccuracy))), marks());
    }

    /** Training loss per batch window and per epoch. */
    public Chart lossChart() {
        return new Chart("Loss", "Epoch", "Loss", false, List.of(
                new Chart.Series("loss per window", windowPoints(BatchWindow::loss)),
                new Chart.Series("loss per epoch", epochPoints(EpochResult::loss))), marks());
    }

    /** Each hidden layer's release rate and share of forced releases, per epoch. */
    public Chart gatingChart() {
        List<Chart.Series> series = new ArrayList<>();
        for (int layer = 0; layer < layerCount(); layer++) {
            series.add(layerSeries("L" + (layer + 1) + " release rate", layer, LayerResult::releaseRate));
            series.add(layerSeries("L" + (layer + 1) + " forced", layer, LayerResult::forcedShare));
        }
        return new Chart("Gating", "Epoch", "Share", true, series, marks());
    }

    /** Each hidden layer's mean adaptive threshold at the end of each epoch. */
    public Chart thresholdChart() {
        List<Chart.Series> series = new ArrayList<>();
        for (int layer = 0; layer < layerCount(); layer++) {
            series.add(layerSeries("L" + (layer + 1) + " mean threshold", layer, LayerResult::meanThreshold));
        }
        return new Chart("Threshold", "Epoch", "Mean threshold", false, series, marks());
    }

    private List<Chart.Point> windowPoints(ToDoubleFunction<BatchWindow> value) {
        return windows.stream().map(w -> new Chart.Point(w.position(), value.applyAsDouble(w))).toList();
    }

    /** Points at each epoch's end; an epoch without the value (NaN: no validation) has none. */
    private List<Chart.Point> epochPoints(ToDoubleFunction<EpochResult> value) {
        return epochs.stream().filter(e -> !Double.isNaN(value.applyAsDouble(e)))
                .map(e -> new Chart.Point(e.epoch(), value.applyAsDouble(e))).toList();
    }

    private Chart.Series layerSeries(String name, int layer, ToDoubleFunction<LayerResult> value) {
        return new Chart.Series(name, epochs.stream().filter(e -> e.layers().size() > layer)
                .map(e -> new Chart.Point(e.epoch(), value.applyAsDouble(e.layers().get(layer)))).toList());
    }

    private int layerCount() {
        return epochs.stream().mapToInt(e -> e.layers().size()).max().orElse(0);
    }

    private boolean topologyChanged() {
        return epochs.stream().anyMatch(e -> !e.topologyChange().isEmpty());
    }

    private List<Chart.Mark> marks() {
        return epochs.stream().filter(e -> !e.topologyChange().isEmpty())
                .map(e -> new Chart.Mark(e.epoch(), e.topologyChange())).toList();
    }

    public void ended(TrainingResult result) {
        if (result.failed()) {
            progress = "Stopped: " + result.failure();
        } else if (result.cancelled()) {
            progress = "Cancelled after " + result.epochs().size() + " epochs; the last checkpoint is kept";
        } else {
            progress = String.format(Locale.ROOT, "Done: %s accuracy %.2f%% after %d epochs", result.onTestSet()
                    ? "test" : "validation", 100 * result.finalAccuracy(), result.epochs().size());
        }
    }

    public String progress() {
        return progress;
    }

    public String description() {
        return description;
    }

    /** Column headers: fixed ones, three per hidden layer of the last epoch, and Topology once it changed. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("Epoch", "Loss", "Train", "Validation", "Seconds"));
        int layers = epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).layers().size();
        for (int layer = 1; layer <= layers; layer++) {
            columns.add("L" + layer + " releases");
            columns.add("L" + layer + " threshold");
            columns.add("L" + layer + " forced");
        }
        if (topologyChanged()) {
            columns.add("Topology");
        }
        return columns;
    }

    /** One row of texts per epoch, in the order of {@link #columns()}. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (EpochResult epoch : epochs) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(epoch.epoch()) + (epoch.stopped() ? " (stopped)"
                    : ""), String.format(Locale.ROOT, "%.4f", epoch.loss()), percent(epoch.trainAccuracy()),
                    Double.isNaN(epoch.validationAccuracy()) ? "-" : percent(epoch.validationAccuracy()),
                    String.format(Locale.ROOT, "%.1f", epoch.seconds())));
            for (LayerResult layer : epoch.layers()) {
                row.add(percent(layer.releaseRate()));
                row.add(String.format(Locale.ROOT, "%.3f", layer.meanThreshold()));
                row.add(percent(layer.forcedShare()));
            }
            if (topologyChanged()) {
                row.add(epoch.topologyChange());
            }
            rows.add(row);
        }
        return rows;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}

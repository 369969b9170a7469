package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.TrainingResult;

/**
 * The Learning view: the run under way (or the last one) as a line of progress and one row per epoch, with each
 * hidden layer's release rate, mean threshold and forced releases. Not thread-safe: the view feeds it on the UI
 * thread, from the events a run posts.
 */
public final class LearningViewModel {

    /** Shown before any run. */
    public static final String IDLE = "No run yet: Run > Run quick experiment trains one epoch on 5,000 MNIST images.";

    private final List<EpochResult> epochs = new ArrayList<>();
    private String description = "";
    private String progress = IDLE;

    /** A new run started: forget the last one. */
    public void started(String what) {
        epochs.clear();
        description = what;
        progress = "Training " + what;
    }

    public void batches(int epoch, int done, int total, double meanLoss) {
        progress = String.format(Locale.ROOT, "Epoch %d: batch %d of %d, loss %.4f", epoch, done, total, meanLoss);
    }

    public void epochEnded(EpochResult epoch) {
        epochs.add(epoch);
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

    /** Column headers: fixed ones, then three per hidden layer of the last epoch. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("Epoch", "Loss", "Train", "Validation", "Seconds"));
        int layers = epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).layers().size();
        for (int layer = 1; layer <= layers; layer++) {
            columns.add("L" + layer + " releases");
            columns.add("L" + layer + " threshold");
            columns.add("L" + layer + " forced");
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
            rows.add(row);
        }
        return rows;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}

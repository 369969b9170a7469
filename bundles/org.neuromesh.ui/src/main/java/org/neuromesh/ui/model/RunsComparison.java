package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The curves of the runs selected in the Runs view, drawn over each other: accuracy (validation where the run held
 * images out, else training accuracy, said in the series' name) and loss per epoch, a series per run. Read from the
 * runs' records; a cell that is not a number (a run stopped mid-epoch writes "-") is left out of its curve.
 */
public final class RunsComparison {

    private RunsComparison() {
    }

    public static Chart accuracy(List<RunRecord> runs) {
        List<Chart.Series> series = new ArrayList<>();
        for (RunRecord run : runs) {
            List<Chart.Point> validation = points(run, RunRecord.EPOCH_COLUMNS.indexOf("Validation"));
            series.add(validation.isEmpty()
                    ? new Chart.Series(run.name() + " (train)", points(run, RunRecord.EPOCH_COLUMNS.indexOf("Train")))
                    : new Chart.Series(run.name(), validation));
        }
        return new Chart("Accuracy of the selected runs", "Epoch", "Accuracy", true, series, List.of());
    }

    public static Chart loss(List<RunRecord> runs) {
        List<Chart.Series> series = new ArrayList<>();
        for (RunRecord run : runs) {
            series.add(new Chart.Series(run.name(), points(run, RunRecord.EPOCH_COLUMNS.indexOf("Loss"))));
        }
        return new Chart("Loss of the selected runs", "Epoch", "Loss", false, series, List.of());
    }

    private static List<Chart.Point> points(RunRecord run, int column) {
        List<Chart.Point> points = new ArrayList<>();
        for (List<String> epoch : run.epochs()) {
            double x = number(epoch.get(0));
            double y = number(epoch.get(column));
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                points.add(new Chart.Point(x, y));
            }
        }
        return points;
    }

    /** "0.4321" as 0.4321, "91.23%" as 0.9123, anything else as NaN. */
    static double number(String cell) {
        String text = cell.strip();
        boolean percent = text.endsWith("%");
        try {
            double value = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
            return percent ? value / 100 : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** E.g. "2 runs selected". */
    public static String selectionText(int selected) {
        return selected == 0 ? "Select runs to compare their curves (Ctrl+click for several)"
                : String.format(Locale.ROOT, "%d run%s selected", selected, selected == 1 ? "" : "s");
    }
}

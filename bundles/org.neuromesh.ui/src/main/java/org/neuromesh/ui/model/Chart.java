package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a line chart shows, independent of the library that draws it: a title, the axes' labels, the series and
 * marks on the x axis (e.g. where the topology changed). {@link #summary()} says in words what is drawn; the chart
 * widget shows it as its tooltip, and tests read it.
 *
 * @param percent whether the y values are shares (0..1), drawn and told as percentages
 */
public record Chart(String title, String xLabel, String yLabel, boolean percent, List<Series> series,
        List<Mark> marks) {

    public Chart {
        series = List.copyOf(series);
        marks = List.copyOf(marks);
    }

    /** One line: its points in the order they came. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {
    }

    /** A vertical mark at {@code x}, with a short label. */
    public record Mark(double x, String label) {
    }

    /** The series that have points; a chart with none is drawn empty with its title. */
    public List<Series> drawnSeries() {
        return series.stream().filter(s -> !s.points().isEmpty()).toList();
    }

    /**
     * E.g. "Accuracy: train per window 40 points, last 81.20%; validation 1 point, last 80.80%", or "Accuracy: no
     * data yet".
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Series line : drawnSeries()) {
            int count = line.points().size();
            double last = line.points().get(count - 1).y();
            parts.add(line.name() + " " + count + (count == 1 ? " point" : " points") + ", last " + value(last));
        }
        for (Mark mark : marks) {
            parts.add(String.format(Locale.ROOT, "mark at %.2f: %s", mark.x(), mark.label()));
        }
        return title + ": " + (parts.isEmpty() ? "no data yet" : String.join("; ", parts));
    }

    private String value(double y) {
        return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * y) : String.format(Locale.ROOT, "%.4f", y);
    }
}

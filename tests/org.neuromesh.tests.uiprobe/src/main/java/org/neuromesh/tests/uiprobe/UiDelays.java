package org.neuromesh.tests.uiprobe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.widgets.Display;

/**
 * How long the UI thread keeps a timer waiting: a timer posted to the display every 10 ms notes how much later
 * than due it ran. Started and stopped on the UI thread.
 */
final class UiDelays {

    private static final int PERIOD_MILLIS = 10;

    private final Display display;
    private final List<Double> lateMillis = new ArrayList<>();
    private boolean running;
    private long dueNanos;

    UiDelays(Display display) {
        this.display = display;
    }

    void start() {
        lateMillis.clear();
        running = true;
        schedule();
    }

    /** Stops, and says {@code ui-delay samples N max X ms p99 Y ms}. */
    String stop() {
        running = false;
        if (lateMillis.isEmpty()) {
            return "ui-delay samples 0";
        }
        List<Double> sorted = new ArrayList<>(lateMillis);
        Collections.sort(sorted);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1));
        return String.format(Locale.ROOT, "ui-delay samples %d max %.1f ms p99 %.1f ms", sorted.size(),
                sorted.get(sorted.size() - 1), p99);
    }

    private void schedule() {
        dueNanos = System.nanoTime() + PERIOD_MILLIS * 1_000_000L;
        display.timerExec(PERIOD_MILLIS, () -> {
            if (!running) {
                return;
            }
            lateMillis.add(Math.max(0, System.nanoTime() - dueNanos) / 1e6);
            schedule();
        });
    }
}

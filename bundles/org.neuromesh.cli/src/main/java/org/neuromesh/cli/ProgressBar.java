package org.neuromesh.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return, at most every {@code intervalMillis} so that a
 * fast training does not spend its time printing.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long intervalNanos;
    private long lastDrawn;
    private long started;

    public ProgressBar(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Call at the start of each epoch. */
    public void start() {
        started = System.nanoTime();
        lastDrawn = 0;
    }

    /** Redraws if the interval has passed or the epoch is complete. */
    public void update(int epoch, int epochs, int done, int total, double meanLoss) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < intervalNanos) {
            return;
        }
        lastDrawn = now;
        out.print('\r' + render(epoch, epochs, done, total, meanLoss, (now - started) / 1e9));
        out.flush();
    }

    /** Ends the bar's line. */
    public void finish() {
        out.println();
    }

    /** The bar as text, e.g. {@code epoch 2/10 [#######.......] 45% 27000/60000 loss 0.2345 41000/s}. */
    public static String render(int epoch, int epochs, int done, int total, double meanLoss, double seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %3d%% %d/%d loss %.4f %.0f samples/s", epoch, epochs,
                bar, percent, done, total, meanLoss, rate);
    }
}

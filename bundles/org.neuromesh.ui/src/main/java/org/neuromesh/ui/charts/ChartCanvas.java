package org.neuromesh.ui.charts;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.neuromesh.ui.model.Chart;

/**
 * A chart in a view: {@link #show(Chart)} hands it to the view's {@link ChartRenderer}, which draws it off the UI
 * thread; the canvas then shows the image and says what it shows in its tooltip ({@link Chart#summary()}). Charts
 * that come faster than they are drawn are coalesced: only the newest is drawn.
 */
public final class ChartCanvas {

    private final Canvas canvas;
    private final Display display;
    private final ChartRenderer renderer;
    private final AtomicBoolean drawing = new AtomicBoolean();
    private volatile Chart chart;
    private volatile Rectangle size = new Rectangle(0, 0, 0, 0);
    private Image image;

    public ChartCanvas(Composite parent, ChartRenderer renderer, Chart first) {
        this.renderer = renderer;
        this.chart = first;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        display = canvas.getDisplay();
        canvas.addListener(SWT.Paint, event -> {
            if (image != null) {
                event.gc.drawImage(image, 0, 0);
            }
        });
        canvas.addListener(SWT.Resize, event -> {
            size = canvas.getClientArea();
            redrawLater();
        });
        canvas.addListener(SWT.Dispose, event -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    /** A chart that takes the space its grid cell offers, at least 200 x 150 pixels. */
    public static ChartCanvas inGrid(Composite parent, ChartRenderer renderer, Chart first) {
        ChartCanvas chart = new ChartCanvas(parent, renderer, first);
        GridDataFactory.fillDefaults().grab(true, true).hint(200, 150).applyTo(chart.control());
        return chart;
    }

    public Canvas control() {
        return canvas;
    }

    /** Shows {@code next} once drawn. Called on the UI thread. */
    public void show(Chart next) {
        chart = next;
        redrawLater();
    }

    private void redrawLater() {
        if (size.width < 40 || size.height < 40 || !drawing.compareAndSet(false, true)) {
            return;
        }
        renderer.submit(() -> {
            drawing.set(false); // a chart shown from now on is drawn by a later task
            Chart drawn = chart;
            Rectangle area = size;
            try {
                ImageData data = ChartRenderer.draw(drawn, area.width, area.height);
                display.asyncExec(() -> showImage(drawn, data));
            } catch (RuntimeException | LinkageError e) {
                // e.g. AWT without fonts: the view goes on without this picture, and says why
                System.getLogger(ChartCanvas.class.getName()).log(System.Logger.Level.WARNING,
                        "could not draw the chart '" + drawn.title() + "'", e);
                display.asyncExec(() -> {
                    if (!canvas.isDisposed()) {
                        canvas.setToolTipText(drawn.title() + ": could not be drawn: " + e);
                    }
                });
            }
        });
    }

    private void showImage(Chart drawn, ImageData data) {
        if (canvas.isDisposed()) {
            return;
        }
        if (image != null) {
            image.dispose();
        }
        image = new Image(canvas.getDisplay(), data);
        canvas.setToolTipText(drawn.summary());
        canvas.redraw();
    }
}

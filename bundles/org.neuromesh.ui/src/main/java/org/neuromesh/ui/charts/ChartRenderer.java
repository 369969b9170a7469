package org.neuromesh.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuromesh.ui.model.Chart;

/**
 * Draws {@link Chart}s with JFreeChart into images, on a thread of its own so the UI thread only copies pixels. One
 * per view, shared by the view's charts; {@link #dispose()} with the view.
 */
public final class ChartRenderer {

    /** Series with more points than this are drawn as plain lines, without a shape per point. */
    private static final int SHAPES_UP_TO = 30;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "NeuroMesh chart renderer");
        named.setDaemon(true);
        return named;
    });

    void submit(Runnable work) {
        thread.execute(work);
    }

    public void dispose() {
        thread.shutdownNow();
    }

    /** {@code chart} drawn at {@code width} x {@code height} pixels, as SWT image data (no SWT resources). */
    static ImageData draw(Chart chart, int width, int height) {
        BufferedImage image = toJFreeChart(chart).createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, width, row, 0);
        }
        return data;
    }

    static JFreeChart toJFreeChart(Chart chart) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Chart.Series series : chart.drawnSeries()) {
            XYSeries line = new XYSeries(series.name(), false, true);
            for (Chart.Point point : series.points()) {
                line.add(point.x(), chart.percent() ? 100 * point.y() : point.y());
            }
            dataset.addSeries(line);
        }
        JFreeChart drawn = ChartFactory.createXYLineChart(chart.title(), chart.xLabel(), chart.yLabel()
                + (chart.percent() ? " (%)" : ""), dataset, PlotOrientation.VERTICAL, true, false, false);
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        XYPlot plot = drawn.getXYPlot();
        // from 0: one epoch's single point would otherwise get an axis of zero width, ticked "1E0"
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        if (chart.percent()) {
            plot.getRangeAxis().setRange(0, 100);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            lines.setSeriesShapesVisible(i, dataset.getItemCount(i) <= SHAPES_UP_TO);
            lines.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        plot.setRenderer(lines);
        for (Chart.Mark mark : chart.marks()) {
            ValueMarker marker = new ValueMarker(mark.x(), Color.GRAY, new BasicStroke(1f));
            marker.setLabel(mark.label());
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        }
        return drawn;
    }
}

package org.neuromesh.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.neuromesh.ui.model.Chart;

/** JFreeChart draws the chart model into SWT image data, without a display. */
class ChartRendererTest {

    private static final Chart CHART = new Chart("Accuracy", "Epoch", "Accuracy", true, List.of(
            new Chart.Series("train", List.of(new Chart.Point(1, 0.5), new Chart.Point(2, 0.7))),
            new Chart.Series("empty", List.of())), List.of(new Chart.Mark(1.5, "split")));

    @Test
    void givenAChartModel_thenTheJFreeChartHasItsTitleSeriesInPercentAndMark() {
        JFreeChart chart = ChartRenderer.toJFreeChart(CHART);
        assertEquals("Accuracy", chart.getTitle().getText());
        assertEquals("Accuracy (%)", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals(1, ((XYSeriesCollection) chart.getXYPlot().getDataset()).getSeriesCount(),
                "the empty series is left out");
        assertEquals(70.0, chart.getXYPlot().getDataset().getYValue(0, 1), 1e-9);
        assertEquals(1, chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    }

    @Test
    void givenAChartModel_whenDrawn_thenTheImageHasItsSizeAndTheLineIsInTheFirstSeriesColour() {
        ImageData image = ChartRenderer.draw(CHART, 400, 300);
        assertEquals(400, image.width);
        assertEquals(300, image.height);
        int white = 0;
        int reddish = 0;
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                int pixel = image.getPixel(x, y);
                int red = pixel >> 16 & 0xFF;
                int green = pixel >> 8 & 0xFF;
                int blue = pixel & 0xFF;
                if (pixel == 0xFFFFFF) {
                    white++;
                } else if (red > 200 && green < 120 && blue < 120) {
                    reddish++; // JFreeChart's first series colour
                }
            }
        }
        assertTrue(white > image.width * image.height / 2, "mostly white background: " + white);
        assertTrue(reddish > 50, "the line of the series: " + reddish + " red pixels");
    }
}

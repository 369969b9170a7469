package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.BatchWindow;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;

/** What the Learning and Runs views' charts show, fed as a run's events and records would feed them. */
class ChartsTest {

    private static EpochResult epoch(int epoch, double validation, String topology) {
        return new EpochResult(epoch, 0.5 / epoch, 0.8 + epoch / 100.0, validation, 2.0, 1000,
                List.of(new LayerResult(1, 64, 0.2, 0.05, 0.4), new LayerResult(2, 32, 0.3, 0.1, 0.6)), 96,
                topology, false);
    }

    @Test
    void givenWindowsAndEpochs_whenCharted_thenAccuracyHasTheWindowCurveAndTheEpochPointsAndTopologyIsMarked() {
        // given a run with two windows per epoch, two epochs, a split after the first
        LearningViewModel model = new LearningViewModel();
        model.started("run");
        model.batchWindow(new BatchWindow(1, 5, 10, 0.9, 0.5));
        model.batchWindow(new BatchWindow(1, 10, 10, 0.7, 0.7));
        model.epochEnded(epoch(1, 0.75, "split 4 nodes"));
        model.batchWindow(new BatchWindow(2, 5, 10, 0.5, 0.8));
        model.batchWindow(new BatchWindow(2, 10, 10, 0.4, 0.85));
        model.epochEnded(epoch(2, 0.86, ""));
        // when the charts are asked for
        Chart accuracy = model.accuracyChart();
        // then the window curve is at the windows' positions in epochs, the epoch curves at whole epochs
        assertEquals(List.of(new Chart.Point(0.5, 0.5), new Chart.Point(1.0, 0.7), new Chart.Point(1.5, 0.8),
                new Chart.Point(2.0, 0.85)), accuracy.series().get(0).points());
        assertEquals(List.of(new Chart.Point(1, 0.75), new Chart.Point(2, 0.86)), accuracy.series().get(2).points());
        assertEquals("Accuracy: train per window 4 points, last 85.00%; train per epoch 2 points, last 82.00%; "
                + "validation per epoch 2 points, last 86.00%; mark at 1.00: split 4 nodes", accuracy.summary());
        // and loss, gating and threshold too, a series per layer, and the topology column in the table
        assertEquals("Loss: loss per window 4 points, last 0.4000; loss per epoch 2 points, last 0.2500; mark at "
                + "1.00: split 4 nodes", model.lossChart().summary());
        assertEquals(List.of("L1 release rate", "L1 forced", "L2 release rate", "L2 forced"), model.gatingChart()
                .series().stream().map(Chart.Series::name).toList());
        assertEquals(List.of(new Chart.Point(1, 0.6), new Chart.Point(2, 0.6)), model.thresholdChart().series()
                .get(1).points());
        assertEquals("Topology", model.columns().get(model.columns().size() - 1));
        assertEquals("split 4 nodes", model.rows().get(0).get(model.columns().size() - 1));
        // and a new run starts with empty charts
        model.started("next");
        assertEquals("Accuracy: no data yet", model.accuracyChart().summary());
    }

    @Test
    void givenARunWithoutValidation_thenTheValidationCurveIsEmptyNotZero() {
        LearningViewModel model = new LearningViewModel();
        model.started("run");
        model.epochEnded(epoch(1, Double.NaN, ""));
        assertEquals(List.of(), model.accuracyChart().series().get(2).points());
        assertEquals(2, model.accuracyChart().drawnSeries().size() + 1);
    }

    @Test
    void givenTwoRecordedRuns_whenCompared_thenEachIsASeriesOfItsValidationOrElseTrainingAccuracy() {
        // given a run with validation, and one without whose second epoch was cut short ("-" cells)
        RunRecord withValidation = RunRecord.parse("a", "name = eligibility-1\nepoch = 1|0.5000|80.00%|82.50%|2.0\n"
                + "epoch = 2|0.4000|85.00%|86.25%|2.0\nended = done: validation 86.25%\n");
        RunRecord trainOnly = RunRecord.parse("b", "name = sign-hebbian-1\nepoch = 1|0.9000|60.00%|-|2.0\n"
                + "epoch = 2|-|-|-|1.0\n");
        // when compared
        Chart accuracy = RunsComparison.accuracy(List.of(withValidation, trainOnly));
        Chart loss = RunsComparison.loss(List.of(withValidation, trainOnly));
        // then
        assertEquals(List.of("eligibility-1", "sign-hebbian-1 (train)"), accuracy.series().stream()
                .map(Chart.Series::name).toList());
        assertEquals(List.of(new Chart.Point(1, 0.825), new Chart.Point(2, 0.8625)), accuracy.series().get(0)
                .points());
        assertEquals(List.of(new Chart.Point(1, 0.6)), accuracy.series().get(1).points());
        assertEquals("Loss of the selected runs: eligibility-1 2 points, last 0.4000; sign-hebbian-1 1 point, last "
                + "0.9000", loss.summary());
        assertTrue(RunsComparison.selectionText(0).startsWith("Select runs"));
        assertEquals("2 runs selected", RunsComparison.selectionText(2));
    }
}

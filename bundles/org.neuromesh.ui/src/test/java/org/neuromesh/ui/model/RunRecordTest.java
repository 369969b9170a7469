package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;

/** Run records as a run writes them, read back for the Runs view, also when the run never ended. */
class RunRecordTest {

    private static final TrainingPlan PLAN = new TrainingPlan("mnist", "", List.of(32), 2, 64, 1, null, null, null,
            null, 1000, 3000, null);
    private static final EpochResult EPOCH = new EpochResult(1, 0.4321, 0.9012, 0.9123, 7.25, 8000,
            List.of(new LayerResult(1, 32, 0.2, 0.01, 0.4)), 32, "", false);

    @Test
    void givenARunThatEnded_thenItsRowAndEpochsReadBack() {
        String text = RunRecord.header("small", "784-32-10 MNIST", PLAN) + RunRecord.epochLine(EPOCH)
                + RunRecord.endLine(new TrainingResult(List.of(EPOCH), 0.9123, false, false, ""));
        RunRecord record = RunRecord.parse("file-name", text);
        assertEquals(List.of("small", "mnist, rule (highest ranked), hidden [32], 2 epochs, batch 64, seed 1,"
                + " validation 1000, training images 3000", "1", "done: validation 91.23%"), record.row());
        assertEquals(List.of(List.of("1", "0.4321", "90.12%", "91.23%", "7.3")), record.epochs());
    }

    @Test
    void givenARunWithRuleSettings_thenItsSettingsNameThemAfterTheRule() {
        // given a plan that sets two of the eligibility rule's settings for this run
        TrainingPlan tuned = new TrainingPlan("mnist", "eligibility", List.of(32), 1, 64, 1, null, null, null, null,
                0, 0, null, java.util.Map.of("momentum", "0.9", "learningRate", "0.02"));
        // when its record is read back, then the settings line names them, sorted, after the rule
        RunRecord record = RunRecord.parse("tuned", RunRecord.header("tuned", "d", tuned));
        assertEquals("mnist, rule eligibility (learningRate = 0.02, momentum = 0.9), hidden [32], 1 epochs, batch 64,"
                + " seed 1, validation 0, training images all", record.row().get(1));
    }

    @Test
    void givenARunThatCrashedAfterItsFirstEpoch_thenItShowsWhatItHadAndThatItDidNotEnd() {
        String text = RunRecord.header("crashed", "d", PLAN) + RunRecord.epochLine(EPOCH) + "epoch = 2|0.3";
        RunRecord record = RunRecord.parse("crashed-file", text);
        assertEquals(1, record.epochs().size());
        assertEquals("did not end", record.outcome());
    }
}

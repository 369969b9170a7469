package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.TrainingPlan;

/** Experiment files as a researcher writes them, and as they come broken. */
class ExperimentFileTest {

    @Test
    void givenAWrittenExperiment_thenItsPlanHasItsSettingsAndTheRestDefaults() {
        ExperimentFile file = ExperimentFile.parse("""
                # two layers, Fashion-MNIST
                dataset = fashion-mnist
                rule = direct-feedback
                hidden = 1024, 1024
                epochs = 30
                augment = shift-flip:2
                """);
        assertEquals(List.of(), file.problems());
        TrainingPlan plan = file.plan(Path.of("run.nmc"));
        assertEquals(new TrainingPlan("fashion-mnist", "direct-feedback", List.of(1024, 1024), 30, 64, 1,
                "shift-flip:2", "none", "constant", "paper", 5000, 0, Path.of("run.nmc")), plan);
    }

    @Test
    void givenABrokenFile_thenEveryProblemIsNamedWithItsLine_andWhatCouldBeReadIsKept() {
        // given a file with a bad line, an unknown key, a repeated key and values out of range
        ExperimentFile file = ExperimentFile.parse("""
                dataset = cifar
                epochs = many
                this line has no equals sign
                learning_rate = 0.1
                batch = 32
                batch = 0
                hidden = 256,-3
                """);
        // then each is a problem with its line, and the well-formed values stay as written
        assertEquals(List.of(
                "line 3: this line has no equals sign: is not a 'key = value' line",
                "line 4: learning_rate: is not a setting; settings are " + ExperimentFile.DEFAULTS.keySet(),
                "line 6: batch: is set again (first on line 5)",
                "line 1: dataset: is one of " + ExperimentFile.DATASETS,
                "line 7: hidden: has layer widths from 1 to 65536, not -3",
                "line 2: epochs: 'many' is not a whole number",
                "line 6: batch: is from 1 to 65536, not 0"),
                file.problems().stream().map(ExperimentFile.Problem::toString).toList());
        assertEquals("cifar", file.get("dataset"));
        assertEquals("is one of " + ExperimentFile.DATASETS, file.problemOf("dataset"));
        // and it cannot run, saying why
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> file.plan(null));
        assertTrue(refused.getMessage().contains("dataset"), refused.getMessage());
    }

    @Test
    void givenANewExperiment_whenAFieldChanges_thenItsTextKeepsEverySettingAndReadsBackTheSame() {
        ExperimentFile changed = ExperimentFile.create().with("epochs", "12").with("hidden", "512,512");
        assertEquals(List.of(), changed.problems());
        ExperimentFile read = ExperimentFile.parse(changed.text());
        assertEquals(changed.text(), read.text());
        assertEquals("12", read.get("epochs"));
        assertEquals("is from 1 to 10000, not 0", changed.with("epochs", "0").problemOf("epochs"));
    }

    @Test
    void givenRuleSettingLines_whenRead_thenTheyAreTheRuleSettingsAndWrittenBackAfterTheOthers() {
        ExperimentFile file = ExperimentFile.parse("rule = eligibility\nrule.momentum = 0.5\nrule.learningRate ="
                + " 0.02\nepochs = 1\n");
        assertEquals(List.of(), file.problems());
        assertEquals(Map.of("learningRate", "0.02", "momentum", "0.5"), file.ruleSettings());
        assertTrue(file.text().endsWith("trainingSamples = 0\nrule.learningRate = 0.02\nrule.momentum = 0.5\n"),
                file.text());
        assertEquals(file, ExperimentFile.parse(file.text()));
    }

    @Test
    void givenARuleSetting_whenSetAndCleared_thenItsLineComesAndGoesAndTheRestStays() {
        ExperimentFile set = ExperimentFile.create().withRuleSetting("learningRate", " 0.02 ");
        assertTrue(set.text().contains("\nrule.learningRate = 0.02\n"), set.text());
        ExperimentFile cleared = set.with("epochs", "7").withRuleSetting("learningRate", "");
        assertEquals(Map.of(), cleared.ruleSettings());
        assertEquals("7", cleared.get("epochs"));
    }

    @Test
    void givenRuleSettings_whenPlanned_thenThePlanCarriesThem() {
        TrainingPlan plan = ExperimentFile.parse("rule.learningRate = 0.02\n").plan(Path.of("x.nmc"));
        assertEquals(Map.of("learningRate", "0.02"), plan.ruleSettings());
    }

    @Test
    void givenABadRuleSettingKeyOrARepeatedOne_thenEachIsAProblemOnItsLine() {
        ExperimentFile file = ExperimentFile.parse("rule. = 1\nrule.momentum = 0.5\nrule.momentum = 0.6\n");
        assertEquals(2, file.problems().size(), file.problems().toString());
        assertEquals(1, file.problems().get(0).line());
        assertEquals("line 3: rule.momentum: is set again", file.problems().get(1).toString());
    }
}

package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.RuleSetting;
import org.neuromesh.api.training.RuleSetting.Type;

/** The chosen rule's settings as a form, described as the eligibility rule's metatype describes them. */
class RuleSettingsFormTest {

    private static final List<RuleSetting> ELIGIBILITY = List.of(
            new RuleSetting("learningRate", "Learning rate", "Step size (> 0).", Type.DOUBLE, "0.05", null, null),
            new RuleSetting("momentum", "Momentum", "In [0, 1).", Type.DOUBLE, "0.9", null, null),
            new RuleSetting("optimizer", "Optimizer", "", Type.OPTION, "momentum", List.of("momentum", "adam"),
                    List.of("Momentum", "Adam")));

    /** As the metatype checks bounds: momentum at most 0.999. */
    private final RuleSettingsForm form = new RuleSettingsForm("eligibility", ELIGIBILITY, (id, value) -> id.equals(
            "momentum") && Double.parseDouble(value) > 0.999 ? "'" + value + "' is greater than the maximum" : null);

    @Test
    void givenAFileWithRuleSettings_thenEachFieldShowsItsValueAndTheOthersAreEmpty() {
        ExperimentFile file = ExperimentFile.parse("rule = eligibility\nrule.learningRate = 0.02\n");
        assertEquals("0.02", form.value(file, "learningRate"));
        assertEquals("", form.value(file, "momentum"));
        assertEquals(List.of(), form.problems(file));
    }

    @Test
    void givenValuesOfTheWrongType_thenEachHasItsProblem() {
        assertEquals("'fast' is not a number", form.problemOf("learningRate", "fast"));
        assertEquals("is one of [momentum, adam], not 'sgd'", form.problemOf("optimizer", "sgd"));
        assertNull(form.problemOf("learningRate", ""), "empty: as configured");
        assertNull(form.problemOf("optimizer", "adam"));
    }

    @Test
    void givenAValueOutOfTheMetatypesBounds_thenTheMetatypesProblemIsShown() {
        assertEquals("'1.5' is greater than the maximum", form.problemOf("momentum", "1.5"));
        ExperimentFile file = ExperimentFile.parse("rule.momentum = 1.5\n");
        assertEquals(List.of(new ExperimentFile.Problem(0, "rule.momentum", "'1.5' is greater than the maximum")),
                form.problems(file));
    }

    @Test
    void givenASettingTheRuleDoesNotHave_thenItIsAProblemListingTheSettings() {
        ExperimentFile file = ExperimentFile.parse("rule.temperature = 3\n");
        assertEquals(List.of(new ExperimentFile.Problem(0, "rule.temperature", "is not a setting of the rule"
                + " eligibility; its settings are [learningRate, momentum, optimizer]")), form.problems(file));
        assertEquals("is not a setting of the rule sign-hebbian, which has none", RuleSettingsForm.none(
                "sign-hebbian").problemOf("temperature", "3"));
    }

    @Test
    void givenAnotherRuleChosen_thenOnlySettingsItHasWithFittingValuesAreKept() {
        ExperimentFile file = ExperimentFile.parse("rule.learningRate = 0.02\nrule.momentum = 1.5\nrule.beta = 2\n");
        assertEquals(Map.of("learningRate", "0.02"), form.kept(file));
    }
}

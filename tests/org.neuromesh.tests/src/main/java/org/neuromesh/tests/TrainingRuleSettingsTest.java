package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.RuleSetting;
import org.neuromesh.api.training.TrainingService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The training service describes and checks a rule's settings from the rule bundle's metatype. */
class TrainingRuleSettingsTest {

    private final BundleContext context = Framework.context();
    private ServiceReference<TrainingService> reference;

    @AfterEach
    void release() {
        if (reference != null) {
            context.ungetService(reference);
        }
    }

    private TrainingService training() throws InterruptedException {
        Framework.await("the training service knows the eligibility rule", () -> {
            reference = context.getServiceReference(TrainingService.class);
            return reference != null && context.getService(reference).rules().contains("eligibility")
                    && !context.getService(reference).ruleSettings("eligibility").isEmpty();
        });
        return context.getService(reference);
    }

    @Test
    void givenTheEligibilityRule_thenItsSettingsAreItsMetatypesAttributesInOrderWithTypesAndOptions()
            throws Exception {
        List<RuleSetting> settings = training().ruleSettings("eligibility");
        assertEquals(List.of("learningRate", "weightDecay", "momentum", "rateDecay", "optimizer"), settings.stream()
                .map(RuleSetting::id).toList());
        RuleSetting momentum = settings.get(2);
        assertEquals("Momentum", momentum.name());
        assertEquals(RuleSetting.Type.DOUBLE, momentum.type());
        assertEquals("0.9", momentum.defaultValue());
        RuleSetting optimizer = settings.get(4);
        assertEquals(RuleSetting.Type.OPTION, optimizer.type());
        assertEquals(List.of("momentum", "adam"), optimizer.options());
        assertEquals(List.of("Momentum", "Adam"), optimizer.optionLabels());
    }

    @Test
    void givenValues_thenTheMetatypeChecksTheirBoundsTypesAndOptions() throws Exception {
        TrainingService training = training();
        assertNull(training.checkRuleSetting("eligibility", "momentum", "0.5"));
        assertEquals("'1.5' is greater than the maximum", training.checkRuleSetting("eligibility", "momentum",
                "1.5"));
        assertEquals("'-1' is less than the minimum", training.checkRuleSetting("eligibility", "learningRate",
                "-1"));
        assertEquals("'sgd' is not one of the options", training.checkRuleSetting("eligibility", "optimizer",
                "sgd"));
        assertEquals("is not a setting of the rule eligibility", training.checkRuleSetting("eligibility",
                "temperature", "1"));
        assertEquals("cannot be checked: the rule 'no-such-rule' is not installed", training.checkRuleSetting(
                "no-such-rule", "momentum", "0.5"));
    }
}

package org.neuromesh.learning.dfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;

/** A run's own settings make a direct-feedback rule for that run; the configured one stays as it was. */
class DirectFeedbackRuleSettingsTest {

    private final DirectFeedbackRuleComponent configured = new DirectFeedbackRuleComponent(
            new DirectFeedbackRuleConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return DirectFeedbackRuleConfig.class;
                }

                @Override
                public double learningRate() {
                    return 0.05;
                }

                @Override
                public double momentum() {
                    return 0.9;
                }

                @Override
                public double weightDecay() {
                    return 0;
                }

                @Override
                public String optimizer() {
                    return "momentum";
                }
            });

    @Test
    void givenTheConfiguredRule_whenARunSetsTheOptimizer_thenOnlyItsRuleUsesIt() {
        LearningRule forRun = configured.withSettings(Map.of("optimizer", "adam", "momentum", 0.5));
        assertTrue(forRun.toString().endsWith("momentum=0.5, weightDecay=0.0, optimizer=adam)"), forRun.toString());
        assertTrue(configured.toString().endsWith("momentum=0.9, weightDecay=0.0, optimizer=momentum)"),
                configured.toString());
    }

    @Test
    void givenANegativeLearningRate_whenApplied_thenTheRulesOwnCheckRefusesItByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("learningRate", "-1")));
        assertTrue(refused.getMessage().startsWith("learningRate "), refused.getMessage());
    }

    @Test
    void givenAnUnknownSetting_whenApplied_thenItIsRefusedListingTheSettings() {
        assertEquals("the direct-feedback rule has no setting [rateDecay]; its settings are [learningRate, momentum,"
                + " optimizer, weightDecay]", assertThrows(IllegalArgumentException.class,
                        () -> configured.withSettings(Map.of("rateDecay", "1"))).getMessage());
    }
}

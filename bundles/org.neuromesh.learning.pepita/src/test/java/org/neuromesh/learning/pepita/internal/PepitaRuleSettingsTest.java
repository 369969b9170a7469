package org.neuromesh.learning.pepita.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;

/** A run's own settings make a PEPITA rule for that run; the configured one stays as it was. */
class PepitaRuleSettingsTest {

    private final PepitaRuleComponent configured = new PepitaRuleComponent(
            new PepitaRuleConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return PepitaRuleConfig.class;
                }

                @Override
                public double learningRate() {
                    return 0.01;
                }

                @Override
                public double momentum() {
                    return 0.9;
                }

                @Override
                public double feedbackScale() {
                    return 0.02;
                }
            });

    @Test
    void givenTheConfiguredRule_whenARunSetsASetting_thenOnlyItsRuleUsesIt() {
        // when a run sets feedbackScale = 0.05
        LearningRule forRun = configured.withSettings(Map.of("feedbackScale", "0.05"));
        // then the run's rule has it, and the configured rule is as it was
        assertTrue(forRun.toString().endsWith("feedbackScale=0.05)"), forRun.toString());
        assertTrue(configured.toString().endsWith("feedbackScale=0.02)"), configured.toString());
    }

    @Test
    void givenAnUnknownSetting_whenApplied_thenItIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("rateDecay", "1")));
        assertTrue(refused.getMessage().contains("no setting [rateDecay]"), refused.getMessage());
    }
}

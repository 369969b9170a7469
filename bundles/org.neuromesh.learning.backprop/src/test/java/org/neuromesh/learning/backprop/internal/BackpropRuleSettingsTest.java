package org.neuromesh.learning.backprop.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;

/** A run's own settings make a backpropagation reference rule for that run; the configured one stays as it was. */
class BackpropRuleSettingsTest {

    private final BackpropRuleComponent configured = new BackpropRuleComponent(
            new BackpropRuleConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return BackpropRuleConfig.class;
                }

                @Override
                public double learningRate() {
                    return 0.1;
                }

                @Override
                public double momentum() {
                    return 0.0;
                }

                @Override
                public double weightDecay() {
                    return 0.0;
                }
            });

    @Test
    void givenTheConfiguredRule_whenARunSetsASetting_thenOnlyItsRuleUsesIt() {
        // when a run sets momentum = 0.5
        LearningRule forRun = configured.withSettings(Map.of("momentum", "0.5"));
        // then the run's rule has it, and the configured rule is as it was
        assertTrue(forRun.toString().endsWith("momentum=0.5, weightDecay=0.0)"), forRun.toString());
        assertTrue(configured.toString().endsWith("momentum=0.0, weightDecay=0.0)"), configured.toString());
    }

    @Test
    void givenAnUnknownSetting_whenApplied_thenItIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("rateDecay", "1")));
        assertTrue(refused.getMessage().contains("no setting [rateDecay]"), refused.getMessage());
    }
}

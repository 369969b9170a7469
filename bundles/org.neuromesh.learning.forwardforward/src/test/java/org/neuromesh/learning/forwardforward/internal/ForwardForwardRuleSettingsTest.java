package org.neuromesh.learning.forwardforward.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;

/** A run's own settings make a Forward-Forward rule for that run; the configured one stays as it was. */
class ForwardForwardRuleSettingsTest {

    private final ForwardForwardRuleComponent configured = new ForwardForwardRuleComponent(
            new ForwardForwardRuleConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return ForwardForwardRuleConfig.class;
                }

                @Override
                public double learningRate() {
                    return 0.003;
                }

                @Override
                public double readoutRate() {
                    return 0.02;
                }

                @Override
                public double threshold() {
                    return 4.0;
                }

                @Override
                public double momentum() {
                    return 0.9;
                }
            });

    @Test
    void givenTheConfiguredRule_whenARunSetsASetting_thenOnlyItsRuleUsesIt() {
        // when a run sets threshold = 2.5
        LearningRule forRun = configured.withSettings(Map.of("threshold", "2.5"));
        // then the run's rule has it, and the configured rule is as it was
        assertTrue(forRun.toString().endsWith("threshold=2.5, momentum=0.9)"), forRun.toString());
        assertTrue(configured.toString().endsWith("threshold=4.0, momentum=0.9)"), configured.toString());
    }

    @Test
    void givenAnUnknownSetting_whenApplied_thenItIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("rateDecay", "1")));
        assertTrue(refused.getMessage().contains("no setting [rateDecay]"), refused.getMessage());
    }
}

package org.neuromesh.learning.eligibility.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;

/** A run's own settings make a rule for that run; the configured one stays as it was. */
class EligibilityRuleSettingsTest {

    /** The configuration as DS gives it when nothing is configured: the metatype's defaults. */
    private static final EligibilityRuleConfig DEFAULTS = new EligibilityRuleConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return EligibilityRuleConfig.class;
        }

        @Override
        public double learningRate() {
            return 0.05;
        }

        @Override
        public double weightDecay() {
            return 0;
        }

        @Override
        public double momentum() {
            return 0.9;
        }

        @Override
        public double rateDecay() {
            return 1e-4;
        }

        @Override
        public String optimizer() {
            return "momentum";
        }
    };

    private final EligibilityRuleComponent configured = new EligibilityRuleComponent(DEFAULTS);

    @Test
    void givenTheConfiguredRule_whenARunChangesTwoSettings_thenItsRuleHasThemAndTheConfiguredOneIsUnchanged() {
        LearningRule forRun = configured.withSettings(Map.of("learningRate", "0.02", "optimizer", "adam"));
        assertTrue(forRun.toString().startsWith("eligibility(learningRate=0.02, weightDecay=0.0, momentum=0.9, ")
                && forRun.toString().endsWith(", optimizer=adam)"), forRun.toString());
        assertTrue(configured.toString().startsWith("eligibility(learningRate=0.05, weightDecay=0.0, momentum=0.9, ")
                && configured.toString().endsWith(", optimizer=momentum)"), configured.toString());
        assertEquals("eligibility", forRun.info().name());
    }

    @Test
    void givenNoSettings_whenApplied_thenTheConfiguredRuleItselfIsUsed() {
        assertSame(configured, configured.withSettings(Map.of()));
    }

    @Test
    void givenAValueOutOfRange_whenApplied_thenItIsRefusedNamingTheSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("momentum", "1.5")));
        assertTrue(refused.getMessage().contains("momentum must be in [0, 1)"), refused.getMessage());
    }

    @Test
    void givenANonNumber_whenApplied_thenItIsRefusedNamingTheSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("learningRate", "fast")));
        assertEquals("setting learningRate: 'fast' is not a number", refused.getMessage());
    }

    @Test
    void givenAnUnknownSetting_whenApplied_thenItIsRefusedListingTheSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> configured.withSettings(Map.of("temperature", "3")));
        assertTrue(refused.getMessage().startsWith("the eligibility rule has no setting [temperature]; its settings"
                + " are [learningRate, "), refused.getMessage());
    }
}

package org.neuromesh.learning.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A configuration type like the rules' (an annotation with defaults), changed by a run's settings. */
class RuleSettingsTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface Config {
        double learningRate() default 0.05;

        int steps() default 3;

        boolean centred() default false;

        String optimizer() default "momentum";
    }

    @Config
    private static final class Configured {
    }

    private final Config configured = Configured.class.getAnnotation(Config.class);

    @Test
    void givenSettingsAsText_thenTheirMethodsReturnThemAndTheOthersTheConfiguredValues() {
        Config run = RuleSettings.override(Config.class, configured, Map.of("learningRate", "0.02", "steps", "5",
                "centred", "true"), "test");
        assertEquals(0.02, run.learningRate());
        assertEquals(5, run.steps());
        assertEquals(true, run.centred());
        assertEquals("momentum", run.optimizer());
        assertEquals(0.05, configured.learningRate(), "the configuration itself is unchanged");
    }

    @Test
    void givenAnUnknownSetting_thenItIsRefusedListingTheSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RuleSettings.override(
                Config.class, configured, Map.of("temperature", "1"), "test"));
        assertEquals("the test rule has no setting [temperature]; its settings are [centred, learningRate, optimizer,"
                + " steps]", refused.getMessage());
    }

    @Test
    void givenValuesNotOfTheirType_thenEachIsRefusedNamingTheSetting() {
        assertEquals("setting learningRate: 'fast' is not a number", assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.override(Config.class, configured, Map.of("learningRate", "fast"), "test"))
                .getMessage());
        assertEquals("setting steps: '2.5' is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.override(Config.class, configured, Map.of("steps", "2.5"), "test")).getMessage());
        assertEquals("setting centred: 'yes' is not true or false", assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.override(Config.class, configured, Map.of("centred", "yes"), "test")).getMessage());
    }
}

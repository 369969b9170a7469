package org.neuromesh.engine.gating;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class GatingParametersTest {

    @Test
    void defaultsAreValidAndHaveEveryMechanismOn() {
        GatingParameters defaults = GatingParameters.defaults();
        assertTrue(defaults.hasTimer());
        assertTrue(defaults.etaD0() > 0f && defaults.etaT() > 0f && defaults.alpha() > 0f, defaults.toString());
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertDoesNotThrow(() -> new GatingParameters(0f, 1f, 0f, 0f, 0f, 0f));
        assertFalse(new GatingParameters(0f, Float.POSITIVE_INFINITY, 0f, 0f, 0f, 0f).hasTimer());
    }

    @Test
    void everyBadValueIsRejectedWithParameterNameAndValue() {
        assertAll(
                () -> assertRejected("initialThreshold must be finite and >= 0, got -0.1",
                        () -> new GatingParameters(-0.1f, 10f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialThreshold must be finite and >= 0, got NaN",
                        () -> new GatingParameters(Float.NaN, 10f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialThreshold must be finite and >= 0, got Infinity",
                        () -> new GatingParameters(Float.POSITIVE_INFINITY, 10f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialTimeToRelease must be >= 1 (or infinite, for no timer), got 0.5",
                        () -> new GatingParameters(1f, 0.5f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialTimeToRelease must be >= 1 (or infinite, for no timer), got NaN",
                        () -> new GatingParameters(1f, Float.NaN, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("etaD0 must be finite and >= 0, got -0.1",
                        () -> new GatingParameters(1f, 10f, -0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("etaT must be finite and >= 0, got -1.0",
                        () -> new GatingParameters(1f, 10f, 0.1f, -1f, 0.1f, 0.5f)),
                () -> assertRejected("alpha must be finite and >= 0, got -Infinity",
                        () -> new GatingParameters(1f, 10f, 0.1f, 1f, Float.NEGATIVE_INFINITY, 0.5f)),
                () -> assertRejected("traceDecay must be in [0, 1), got 1.0",
                        () -> new GatingParameters(1f, 10f, 0.1f, 1f, 0.1f, 1f)),
                () -> assertRejected("traceDecay must be in [0, 1), got -0.5",
                        () -> new GatingParameters(1f, 10f, 0.1f, 1f, 0.1f, -0.5f)));
    }

    @Test
    void eachVariantSwitchesOffItsMechanismAndKeepsTheRest() {
        // given parameters with everything on
        GatingParameters paper = new GatingParameters(0.3f, 10f, 0.001f, 0.01f, 0.002f, 0.8f);
        // when each variant is applied, then exactly its mechanism is off
        assertEquals(paper, GatingVariant.PAPER.apply(paper));
        assertEquals(new GatingParameters(0.3f, 10f, 0f, 0.01f, 0f, 0.8f), GatingVariant.FIXED_THRESHOLD.apply(paper));
        assertEquals(new GatingParameters(0.3f, Float.POSITIVE_INFINITY, 0.001f, 0f, 0.002f, 0.8f),
                GatingVariant.NO_TIMER.apply(paper));
        assertEquals(new GatingParameters(0f, Float.POSITIVE_INFINITY, 0f, 0f, 0f, 0.8f),
                GatingVariant.RELU.apply(paper));
    }

    @Test
    void variantsAreFoundByNameAndAnUnknownNameListsTheKnownOnes() {
        assertEquals(GatingVariant.FIXED_THRESHOLD, GatingVariant.fromName(" Fixed-Threshold "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatingVariant.fromName("sigmoid"));
        assertEquals("unknown gating 'sigmoid'; known: paper, fixed-threshold, no-timer, relu", e.getMessage());
    }

    private static void assertRejected(String message, Supplier<GatingParameters> creation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creation::get);
        assertEquals(message, e.getMessage());
    }
}

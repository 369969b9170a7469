package org.neuromesh.engine.gating;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class GatingParametersTest {

    @Test
    void defaultsAreValid() {
        assertDoesNotThrow(GatingParameters::defaults);
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertDoesNotThrow(() -> new GatingParameters(Float.MIN_VALUE, 1f, 0f, 0f, 0f, 0f));
    }

    @Test
    void everyBadValueIsRejectedWithParameterNameAndValue() {
        assertAll(
                () -> assertRejected("initialThreshold must be finite and > 0, got 0.0",
                        () -> new GatingParameters(0f, 10f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialThreshold must be finite and > 0, got NaN",
                        () -> new GatingParameters(Float.NaN, 10f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialTimeToRelease must be finite and >= 1, got 0.5",
                        () -> new GatingParameters(1f, 0.5f, 0.1f, 1f, 0.1f, 0.5f)),
                () -> assertRejected("initialTimeToRelease must be finite and >= 1, got Infinity",
                        () -> new GatingParameters(1f, Float.POSITIVE_INFINITY, 0.1f, 1f, 0.1f, 0.5f)),
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

    private static void assertRejected(String message, Supplier<GatingParameters> creation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creation::get);
        assertEquals(message, e.getMessage());
    }
}

package org.neuromesh.learning.support;

/** Validation of the parameters rules share, with messages that name the parameter and the value. */
public final class RuleParameters {

    private RuleParameters() {
    }

    /** A finite value above 0, e.g. a learning rate. */
    public static float positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
        return (float) value;
    }

    /** A finite value of 0 or more, e.g. a weight decay. */
    public static float nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
        }
        return (float) value;
    }

    /** A value in [0, 1), e.g. a momentum. */
    public static float fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return (float) value;
    }
}

package org.neuromesh.engine.gating;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gating dynamics with parts switched off, for ablations: each variant turns a set of parameters into the
 * same set with one mechanism removed.
 */
public enum GatingVariant {

    /** Everything on: adaptive thresholds, the timer, eta_d following the error. */
    PAPER("paper", "adaptive thresholds and timers"),

    /** Thresholds stay at d0 (eta_d and alpha 0); the timer still forces releases. */
    FIXED_THRESHOLD("fixed-threshold", "thresholds fixed at d0, timer on"),

    /**
     * No forced releases (timeToRelease infinite, eta_t 0); thresholds still adapt, but with no timer releases to
     * pull them down they only rise.
     */
    NO_TIMER("no-timer", "adaptive thresholds, no timer"),

    /** A plain rectifier: d 0, never adapting, no timer; a node outputs max(v, 0). */
    RELU("relu", "plain ReLU");

    private final String id;
    private final String description;

    GatingVariant(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /**
     * Finds a variant by its {@link #id()}, ignoring case.
     *
     * @throws IllegalArgumentException naming the known variants
     */
    public static GatingVariant fromName(String name) {
        for (GatingVariant variant : values()) {
            if (variant.id.equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown gating '" + name + "'; known: "
                + Arrays.stream(values()).map(GatingVariant::id).collect(Collectors.joining(", ")));
    }

    /** The name used on the command line and in results, e.g. {@code fixed-threshold}. */
    public String id() {
        return id;
    }

    /** What is on and what is off, for tables. */
    public String description() {
        return description;
    }

    /** {@code base} with this variant's mechanisms switched off (the trace decay is kept). */
    public GatingParameters apply(GatingParameters base) {
        return switch (this) {
            case PAPER -> base;
            case FIXED_THRESHOLD -> base.withEtaD0(0f).withAlpha(0f);
            case NO_TIMER -> base.withInitialTimeToRelease(Float.POSITIVE_INFINITY).withEtaT(0f);
            case RELU -> new GatingParameters(0f, Float.POSITIVE_INFINITY, 0f, 0f, 0f, base.traceDecay());
        };
    }
}

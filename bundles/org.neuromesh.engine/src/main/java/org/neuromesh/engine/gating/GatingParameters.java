package org.neuromesh.engine.gating;

/**
 * Parameters of the threshold-gating nodes of a network's hidden layers. The rules they drive (the engine's
 * {@code Gates}, after the source paper): a node releases its accumulated input when it reaches the node's
 * threshold d (then {@code d += eta_d}, {@code timeToRelease += eta_t}), or is forced to release when it has been
 * silent for timeToRelease steps (then {@code d -= eta_d / 2}, {@code timeToRelease -= eta_t / 2}, never below 1);
 * a node's eta_d follows the error delivered forward to it, at the rate alpha.
 *
 * @param initialThreshold     d0, the threshold d every node starts with (and returns to on reset); finite, &gt;= 0
 *                             (0 with no adaptation and no timer is a rectifier, see {@link GatingVariant#RELU})
 * @param initialTimeToRelease the number of silent steps after which a node is forced to release; &gt;= 1, or
 *                             infinite for no timer
 * @param etaD0                initial threshold adaptation rate eta_d; finite, &gt;= 0 (it then follows the error)
 * @param etaT                 timer adaptation eta_t, added to timeToRelease on a threshold release and half of it
 *                             subtracted on a timer release; finite, &gt;= 0
 * @param alpha                how strongly the forward-fed error moves eta_d; finite, &gt;= 0
 * @param traceDecay           factor the eligibility trace is multiplied by every step of a sequence; in [0, 1)
 */
public record GatingParameters(
        float initialThreshold,
        float initialTimeToRelease,
        float etaD0,
        float etaT,
        float alpha,
        float traceDecay) {

    /** Validates every value; the message names the parameter and the value that was given. */
    public GatingParameters {
        require("initialThreshold", initialThreshold, Float.isFinite(initialThreshold) && initialThreshold >= 0f,
                "finite and >= 0");
        // NaN fails every comparison; only the timer may be infinite (no forced releases)
        require("initialTimeToRelease", initialTimeToRelease, initialTimeToRelease >= 1f,
                ">= 1 (or infinite, for no timer)");
        require("etaD0", etaD0, Float.isFinite(etaD0) && etaD0 >= 0f, "finite and >= 0");
        require("etaT", etaT, Float.isFinite(etaT) && etaT >= 0f, "finite and >= 0");
        require("alpha", alpha, Float.isFinite(alpha) && alpha >= 0f, "finite and >= 0");
        require("traceDecay", traceDecay, traceDecay >= 0f && traceDecay < 1f, "in [0, 1)");
    }

    /**
     * The defaults of every new network (the shell's {@code train}, the peers' learner), chosen on a validation split
     * by {@code ./neuromesh bench sweep} (see the README): d0 0.01, timeToRelease 10, eta_d 0.001, eta_t 0.01,
     * alpha 0.001, trace decay 0.9.
     */
    public static GatingParameters defaults() {
        return new GatingParameters(0.01f, 10f, 0.001f, 0.01f, 0.001f, 0.9f);
    }

    /** Whether a silent node is ever forced to release. */
    public boolean hasTimer() {
        return initialTimeToRelease != Float.POSITIVE_INFINITY;
    }

    public GatingParameters withInitialThreshold(float value) {
        return new GatingParameters(value, initialTimeToRelease, etaD0, etaT, alpha, traceDecay);
    }

    public GatingParameters withInitialTimeToRelease(float value) {
        return new GatingParameters(initialThreshold, value, etaD0, etaT, alpha, traceDecay);
    }

    public GatingParameters withEtaD0(float value) {
        return new GatingParameters(initialThreshold, initialTimeToRelease, value, etaT, alpha, traceDecay);
    }

    public GatingParameters withEtaT(float value) {
        return new GatingParameters(initialThreshold, initialTimeToRelease, etaD0, value, alpha, traceDecay);
    }

    public GatingParameters withAlpha(float value) {
        return new GatingParameters(initialThreshold, initialTimeToRelease, etaD0, etaT, value, traceDecay);
    }

    public GatingParameters withTraceDecay(float value) {
        return new GatingParameters(initialThreshold, initialTimeToRelease, etaD0, etaT, alpha, value);
    }

    private static void require(String name, float value, boolean valid, String expectation) {
        if (!valid) {
            throw new IllegalArgumentException(name + " must be " + expectation + ", got " + value);
        }
    }
}

package org.neuromesh.engine.gating;

/**
 * Parameters of a threshold-gating node (see {@link ThresholdGatingLayer} for the rules they drive).
 *
 * @param initialThreshold     d0, the threshold d every node starts with (and returns to on reset); finite, &gt; 0
 * @param initialTimeToRelease the number of steps after which a node is forced to release its accumulator if the
 *                             threshold was not reached; finite, &gt;= 1 (the rules never let it drop below 1)
 * @param etaD0                initial threshold adaptation rate eta_d; finite, &gt;= 0 (it then follows the error)
 * @param etaT                 timer adaptation eta_t, added to timeToRelease on a threshold firing and half of it
 *                             subtracted on a timer firing; finite, &gt;= 0
 * @param alpha                how strongly the forward-fed error moves eta_d ({@code etaD += alpha * error});
 *                             finite, &gt;= 0
 * @param traceDecay           factor the eligibility trace is multiplied by every step; in [0, 1)
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
        require("initialThreshold", initialThreshold, initialThreshold > 0f, "finite and > 0");
        require("initialTimeToRelease", initialTimeToRelease, initialTimeToRelease >= 1f, "finite and >= 1");
        require("etaD0", etaD0, etaD0 >= 0f, "finite and >= 0");
        require("etaT", etaT, etaT >= 0f, "finite and >= 0");
        require("alpha", alpha, alpha >= 0f, "finite and >= 0");
        require("traceDecay", traceDecay, traceDecay >= 0f && traceDecay < 1f, "in [0, 1)");
    }

    /**
     * Starting values for experiments: d0 = 1, timeToRelease = 10 steps, eta_d = 0.01, eta_t = 1, alpha = 0.001,
     * trace decay 0.9.
     */
    public static GatingParameters defaults() {
        return new GatingParameters(1f, 10f, 0.01f, 1f, 0.001f, 0.9f);
    }

    private static void require(String name, float value, boolean inRange, String expectation) {
        // NaN fails every comparison, so only infinities need an explicit check.
        if (!Float.isFinite(value) || !inRange) {
            throw new IllegalArgumentException(name + " must be " + expectation + ", got " + value);
        }
    }
}

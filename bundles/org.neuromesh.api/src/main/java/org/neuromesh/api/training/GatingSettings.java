package org.neuromesh.api.training;

/**
 * The starting parameters of a new network's threshold-gating nodes. A value left NaN takes the service's default
 * ({@link TrainingService#defaultGating()}); the plan's gating variant then switches its mechanisms off.
 *
 * @param threshold     d0, the threshold every node starts with; finite and &gt;= 0, or NaN
 * @param timeToRelease silent samples after which a node is forced to release; &gt;= 1, infinite for no timer, or
 *                      NaN
 * @param etaD          eta_d, how fast a threshold adapts; finite and &gt;= 0, or NaN
 * @param etaT          eta_t, how fast the timer adapts; finite and &gt;= 0, or NaN
 * @param alpha         how strongly the error fed forward moves eta_d; finite and &gt;= 0, or NaN
 * @since 1.3
 */
public record GatingSettings(float threshold, float timeToRelease, float etaD, float etaT, float alpha) {

    public GatingSettings {
        requireDefaultOr("threshold", threshold, Float.isFinite(threshold) && threshold >= 0f, "finite and >= 0");
        requireDefaultOr("timeToRelease", timeToRelease, timeToRelease >= 1f, ">= 1 (or infinite, for no timer)");
        requireDefaultOr("etaD", etaD, Float.isFinite(etaD) && etaD >= 0f, "finite and >= 0");
        requireDefaultOr("etaT", etaT, Float.isFinite(etaT) && etaT >= 0f, "finite and >= 0");
        requireDefaultOr("alpha", alpha, Float.isFinite(alpha) && alpha >= 0f, "finite and >= 0");
    }

    /** Every value left to the service's default. */
    public static GatingSettings unset() {
        return new GatingSettings(Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
    }

    /** Whether a silent node is ever forced to release ({@code timeToRelease} not infinite). */
    public boolean hasTimer() {
        return timeToRelease != Float.POSITIVE_INFINITY;
    }

    /** These settings with the values left NaN taken from {@code defaults}. */
    public GatingSettings orElse(GatingSettings defaults) {
        return new GatingSettings(or(threshold, defaults.threshold), or(timeToRelease, defaults.timeToRelease),
                or(etaD, defaults.etaD), or(etaT, defaults.etaT), or(alpha, defaults.alpha));
    }

    /** These settings with the threshold d0 {@code value} (NaN: the default). */
    public GatingSettings withThreshold(float value) {
        return new GatingSettings(value, timeToRelease, etaD, etaT, alpha);
    }

    /** These settings with the timer limit {@code value} (infinite: no timer; NaN: the default). */
    public GatingSettings withTimeToRelease(float value) {
        return new GatingSettings(threshold, value, etaD, etaT, alpha);
    }

    /** These settings with the threshold adaptation rate eta_d {@code value} (NaN: the default). */
    public GatingSettings withEtaD(float value) {
        return new GatingSettings(threshold, timeToRelease, value, etaT, alpha);
    }

    /** These settings with the timer adaptation eta_t {@code value} (NaN: the default). */
    public GatingSettings withEtaT(float value) {
        return new GatingSettings(threshold, timeToRelease, etaD, value, alpha);
    }

    /** These settings with alpha {@code value} (NaN: the default). */
    public GatingSettings withAlpha(float value) {
        return new GatingSettings(threshold, timeToRelease, etaD, etaT, value);
    }

    private static float or(float value, float fallback) {
        return Float.isNaN(value) ? fallback : value;
    }

    private static void requireDefaultOr(String name, float value, boolean valid, String expectation) {
        if (!Float.isNaN(value) && !valid) {
            throw new IllegalArgumentException("gating " + name + " must be " + expectation + " (or NaN for the "
                    + "default), got " + value);
        }
    }
}

package org.neuromesh.engine.network;

import java.util.Locale;

/**
 * How the learning rate changes over a run: the factor {@link org.neuromesh.api.learning.LearningStep#rateFactor()}
 * offers a rule for each batch.
 */
public enum LearningRateSchedule {

    /** The configured rate throughout: factor 1. */
    CONSTANT("constant"),

    /**
     * Cosine annealing over the whole run (Loshchilov and Hutter 2017, without restarts): batch t of T gets
     * {@code (1 + cos(pi * t / T)) / 2}, from 1 at the first batch towards 0 at the last.
     */
    COSINE("cosine");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the schedules there are
     */
    public static LearningRateSchedule fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (LearningRateSchedule schedule : values()) {
            if (schedule.id.equals(wanted)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("schedule must be constant or cosine, got '" + name + "'");
    }

    /**
     * The factor for batch {@code batch} (from 0) of a run of {@code total} batches; batches past the end get the
     * last batch's factor.
     *
     * @return in (0, 1]
     */
    public float factor(long batch, long total) {
        if (this == CONSTANT || total <= 1) {
            return 1f;
        }
        long t = Math.min(Math.max(batch, 0), total - 1);
        return (float) (0.5 * (1 + Math.cos(Math.PI * t / total)));
    }
}

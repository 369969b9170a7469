package org.neuromesh.ui.learning;

/** Event broker topics of a run in the workbench; the data is what the training listener was told. */
public final class LearningEvents {

    public static final String BASE = "org/neuromesh/ui/learning/";
    /** Data: the run's description (String). */
    public static final String STARTED = BASE + "STARTED";
    /** Data: {@link BatchProgress}. */
    public static final String BATCHES = BASE + "BATCHES";
    /** Data: {@code BatchWindow}, about forty per epoch. */
    public static final String WINDOW = BASE + "WINDOW";
    /** Data: {@code EpochResult}. */
    public static final String EPOCH = BASE + "EPOCH";
    /** Data: {@code TrainingResult}. */
    public static final String ENDED = BASE + "ENDED";
    /** Job family of the workbench's runs, to cancel them from the Learning view. */
    public static final Object JOB_FAMILY = LearningEvents.class;

    /** Where an epoch stands. */
    public record BatchProgress(int epoch, int done, int total, double meanLoss) {
    }

    private LearningEvents() {
    }
}

package org.neuromesh.training;

import java.util.Locale;
import java.util.function.Supplier;

import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.gating.GatingVariant;
import org.neuromesh.engine.network.Augmentation;
import org.neuromesh.engine.network.LearningRateSchedule;

/**
 * A plan's named values as the engine's: the data set, augmentation, schedule, gating variant and task, checked
 * together with the options that need whole images.
 *
 * @param dataset      the data set
 * @param augmentation how training images are varied
 * @param schedule     how the learning rate changes
 * @param variant      which gating mechanisms are on
 * @param task         {@code static}, {@code delayed} or {@code rows}
 */
public record PlanSettings(Dataset dataset, Augmentation augmentation, LearningRateSchedule schedule,
        GatingVariant variant, String task) {

    /**
     * Reads the plan's values.
     *
     * @throws IllegalArgumentException naming the plan's component and the value that is not known or does not fit
     */
    public static PlanSettings of(TrainingPlan plan) {
        Dataset dataset = named("dataset", () -> Dataset.fromName(plan.dataset()));
        Augmentation augmentation = named("augment", () -> Augmentation.fromName(plan.augment()));
        LearningRateSchedule schedule = named("schedule", () -> LearningRateSchedule.fromName(plan.schedule()));
        GatingVariant variant = named("gating", () -> GatingVariant.fromName(plan.gating()));
        RunOptions options = plan.options();
        String task = options.task().toLowerCase(Locale.ROOT);
        if (!task.equals("static") && !task.equals("delayed") && !task.equals("rows")) {
            throw new IllegalArgumentException("task: must be static, delayed or rows, not '" + options.task() + "'");
        }
        if (!plan.normalise().equals("none") && !plan.normalise().equals("standard")) {
            throw new IllegalArgumentException("normalise: must be none or standard, not '" + plan.normalise()
                    + "'");
        }
        if (!task.equals("static") && (plan.validation() > 0 || plan.normalise().equals("standard"))) {
            throw new IllegalArgumentException("validation and normalise standard need whole images (task static), "
                    + "not task " + task);
        }
        if (augmentation.active() && task.equals("rows")) {
            throw new IllegalArgumentException("augment: " + augmentation.id() + " works on whole images, not with "
                    + "task rows");
        }
        if (plan.normalise().equals("standard") && options.load() != null) {
            throw new IllegalArgumentException("normalise: applies to a new network; the one loaded from "
                    + options.load() + " keeps the normalisation it was trained with");
        }
        return new PlanSettings(dataset, augmentation, schedule, variant, task);
    }

    private static <T> T named(String component, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": " + e.getMessage(), e);
        }
    }
}

package org.neuromesh.api.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Trains networks on this peer's data with the installed learning rules. */
@ProviderType
public interface TrainingService {

    /** The names of the learning rules installed now, highest ranked first. */
    List<String> rules();

    /**
     * Starts {@code plan} on a thread of the service and returns at once.
     *
     * @throws IllegalArgumentException if the plan names a rule that is not installed, or settings the service
     *                                  does not know, or values it does not know (a data set, augmentation,
     *                                  schedule, gating variant or task); the message names the plan's component
     */
    TrainingHandle start(TrainingPlan plan, TrainingListener listener);

    /**
     * Reads the hidden layers of a checkpoint written by a run ({@link TrainingPlan#checkpoint()}), on the
     * caller's thread. A damaged file never makes it allocate more than the file could hold.
     *
     * @throws CheckpointException naming the file and what is wrong: missing, not a NeuroMesh checkpoint,
     *                             truncated, damaged, impossible sizes
     * @since 1.1
     */
    ClusterSnapshot readCheckpoint(Path file) throws CheckpointException;

    /**
     * The settings a rule takes per run ({@link TrainingPlan#ruleSettings()}), from its metatype, in the metatype's
     * order; empty for a rule that describes none, or that is not installed now.
     *
     * @since 1.2
     */
    List<RuleSetting> ruleSettings(String rule);

    /**
     * What is wrong with {@code value} for the setting {@code id} of {@code rule}, as its metatype checks it (type,
     * minimum, maximum, options), or {@code null} if nothing is. An unknown rule or setting is a problem.
     *
     * @since 1.2
     */
    String checkRuleSetting(String rule, String id, String value);

    /**
     * The gating parameters a new network gets for the values a plan leaves NaN ({@link RunOptions#gating()}),
     * every value set, before the plan's gating variant applies.
     *
     * @since 1.3
     */
    GatingSettings defaultGating();

    /**
     * Reads a data set's files in full, on the caller's thread, and counts their images per label.
     *
     * @param dataset a data set's id, as in {@link TrainingPlan#dataset()}
     * @param folder  the folder holding its files, or {@code null} for where a run looks for them
     * @throws IOException              naming the missing or broken file and how to fetch the data
     * @throws IllegalArgumentException for a data set the service does not know, naming the ones it does
     * @since 1.3
     */
    DatasetFacts readDataset(String dataset, Path folder) throws IOException;
}

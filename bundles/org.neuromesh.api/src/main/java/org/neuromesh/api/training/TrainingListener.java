package org.neuromesh.api.training;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how a run goes, on the run's thread; keep each call short. */
@ConsumerType
public interface TrainingListener {

    /** The run has its data and network, and starts training; {@code description} says what it trains. */
    default void started(String description) {
    }

    /**
     * The run has its data and network, and starts training, set up as {@code setup} says; tells
     * {@link #started(String)} its description unless overridden.
     *
     * @since 1.3
     */
    default void started(TrainingSetup setup) {
        started(setup.description());
    }

    /** {@code done} of {@code total} batches of {@code epoch} are trained; the mean loss of those so far. */
    default void batches(int epoch, int done, int total, double meanLoss) {
    }

    /**
     * {@code done} of {@code total} training samples of {@code epoch} are trained (after each batch, with
     * {@link #batches}); the mean loss of those so far.
     *
     * @since 1.3
     */
    default void samples(int epoch, int done, int total, double meanLoss) {
    }

    /** A window of batches ended: its own loss and accuracy, not the epoch's running means. Since 1.1. */
    default void batchWindow(BatchWindow window) {
    }

    default void epochEnded(EpochResult epoch) {
    }

    default void checkpointSaved(Path file) {
    }

    /** The last call of every run: finished, cancelled or failed. */
    default void ended(TrainingResult result) {
    }
}

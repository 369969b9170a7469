package org.neuromesh.api.training;

import java.util.List;

/**
 * How a run ended.
 *
 * @param epochs         every epoch run, in order
 * @param finalAccuracy  test accuracy (without validation) or the last validation accuracy (0..1); NaN if no epoch
 *                       ended
 * @param onTestSet      whether {@code finalAccuracy} is the test set's
 * @param cancelled      whether it was cancelled before its last epoch
 * @param failure        why it failed, empty if it did not
 * @param setup          how the run was set up, or {@code null} if it failed before (since 1.3)
 * @param evaluation     the final evaluation's figures, or {@code null} when no epoch ended or the run ended without
 *                       one (failed, or cancelled without {@link RunOptions#measureInference()}) (since 1.3)
 */
public record TrainingResult(List<EpochResult> epochs, double finalAccuracy, boolean onTestSet, boolean cancelled,
        String failure, TrainingSetup setup, RunEvaluation evaluation) {

    /** A result without setup and evaluation (the components of version 1.2). */
    public TrainingResult(List<EpochResult> epochs, double finalAccuracy, boolean onTestSet, boolean cancelled,
            String failure) {
        this(epochs, finalAccuracy, onTestSet, cancelled, failure, null, null);
    }

    public TrainingResult {
        epochs = List.copyOf(epochs);
        failure = failure == null ? "" : failure;
    }

    public boolean failed() {
        return !failure.isEmpty();
    }
}

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
 */
public record TrainingResult(List<EpochResult> epochs, double finalAccuracy, boolean onTestSet, boolean cancelled,
        String failure) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
        failure = failure == null ? "" : failure;
    }

    public boolean failed() {
        return !failure.isEmpty();
    }
}

package org.neuromesh.cli;

import java.util.List;
import java.util.Optional;

import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.Evaluation;

/**
 * What a {@link TrainingSession} did.
 *
 * @param epochs one report per epoch run (with validation accuracy when images were held out)
 * @param test the test set, evaluated once after the last epoch; empty when images were held out for validation
 *        (then the test set is not touched) or when no epoch ran
 */
public record TrainingOutcome(List<EpochReport> epochs, Optional<Evaluation> test) {

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}

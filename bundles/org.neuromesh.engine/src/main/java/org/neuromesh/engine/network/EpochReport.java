package org.neuromesh.engine.network;

import java.util.Optional;

/**
 * One epoch of a {@link TrainingRun}, as shown to the user.
 *
 * @param epoch 1-based
 * @param training what the pass over the training samples did, with each hidden layer's releases
 * @param validation the held-out samples classified after the epoch, if the run has any (the test set never is)
 * @param hiddenNodes hidden nodes after the epoch's topology change
 * @param liveEdges edges not pruned
 * @param totalEdges all edges
 * @param topologyChange what changed after the epoch, or empty
 */
public record EpochReport(int epoch, EpochStats training, Optional<Evaluation> validation, int hiddenNodes,
        long liveEdges, long totalEdges, String topologyChange) {

    /** Validation accuracy after the epoch, or NaN when the run holds no validation set. */
    public double validationAccuracy() {
        return validation.map(Evaluation::accuracy).orElse(Double.NaN);
    }

    /** Mean threshold d of the first hidden layer after the epoch. */
    public double meanThreshold() {
        return training.layers().isEmpty() ? 0 : training.layers().get(0).meanThreshold();
    }
}

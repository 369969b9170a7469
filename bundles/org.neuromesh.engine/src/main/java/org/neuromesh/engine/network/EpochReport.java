package org.neuromesh.engine.network;

/**
 * One epoch of a {@link TrainingRun}, as shown to the user.
 *
 * @param epoch 1-based
 * @param training what the pass over the training samples did
 * @param testAccuracy accuracy on the test samples after the epoch, in [0, 1]
 * @param hiddenNodes hidden nodes after the epoch's topology change
 * @param liveEdges edges not pruned
 * @param totalEdges all edges
 * @param meanThreshold mean threshold d of the first hidden layer
 * @param meanTimeToRelease mean timeToRelease of the first hidden layer
 * @param topologyChange what changed after the epoch, or empty
 */
public record EpochReport(int epoch, EpochStats training, double testAccuracy, int hiddenNodes, long liveEdges,
        long totalEdges, double meanThreshold, double meanTimeToRelease, String topologyChange) {
}

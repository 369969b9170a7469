package org.neuromesh.api.training;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** A run under way. */
@ProviderType
public interface TrainingHandle {

    /** Stops the run after its current batch; its last checkpoint is kept. */
    void cancel();

    /** Completes with the result once the run ended (also when cancelled or failed). */
    CompletionStage<TrainingResult> result();

    /**
     * A copy of the network's hidden layers, taken by the run's own thread between two batches (so it never races
     * the training); once the run has ended, of the network as it ended. Completes exceptionally if the run failed
     * before it had a network.
     *
     * @since 1.1
     */
    CompletionStage<ClusterSnapshot> snapshot();
}

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
}

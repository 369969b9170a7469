package org.neuromesh.api.training;

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
     *                                  does not know (the message says which)
     */
    TrainingHandle start(TrainingPlan plan, TrainingListener listener);
}

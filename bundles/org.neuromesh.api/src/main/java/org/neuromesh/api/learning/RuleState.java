package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ConsumerType;

/** The state a {@link LearningRule} keeps for one network; used by one training thread at a time. */
@ConsumerType
public interface RuleState {

    /**
     * Changes the weights and biases of the step's layers in place, using only the signals the step offers.
     * Called once per batch after the forward pass. Must not keep references to the step's arrays.
     */
    void learn(LearningStep step);
}

package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ProviderType;

/** The outcome of an extra forward pass requested by a rule through {@link LearningStep#forward(float[])}. */
@ProviderType
public interface ForwardPass {

    /** What weight layer {@code layer} released, {@code batch x nodeCount}; for the readout, its input current. */
    float[] output(int layer);

    /**
     * 1 where a node of weight layer {@code layer} released during this pass and 0 where it stayed silent,
     * {@code batch x nodeCount}: the derivative of the node's release with respect to its input current.
     */
    float[] released(int layer);
}

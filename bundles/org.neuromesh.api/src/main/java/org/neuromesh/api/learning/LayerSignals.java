package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything local to one layer of threshold-gating nodes during one batch.
 *
 * <p>The arrays are the engine's own buffers, handed out without copying for speed: they are valid only during
 * {@link RuleState#learn}, batch-major ({@code [sample * width + i]}), and only {@link #weights()} and
 * {@link #bias()} may be written.
 */
@ProviderType
public interface LayerSignals {

    /** Width of the layer's input (pre-synaptic side). */
    int inputCount();

    /** Number of nodes in the layer (post-synaptic side). */
    int nodeCount();

    /** Pre-synaptic activity, {@code batch x inputCount}. */
    float[] pre();

    /** Post-synaptic activity (what the nodes released), {@code batch x nodeCount}. */
    float[] post();

    /** Eligibility trace of each node, {@code batch x nodeCount}, in [0, 1]. */
    float[] eligibility();

    /**
     * The third factor for each node, {@code batch x nodeCount}: the error or reward signal the engine delivers
     * forward to this layer (at the output, target minus output; below it, that error projected forward).
     */
    float[] modulation();

    /** Weights, {@code nodeCount x inputCount} row-major; the rule updates them in place. */
    float[] weights();

    /** Biases, {@code nodeCount}; the rule updates them in place. */
    float[] bias();
}

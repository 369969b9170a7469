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

    /**
     * Pre-synaptic activity, {@code batch x inputCount}. In temporal mode this is the pre-synaptic trace
     * {@code sum_t lambda^(T-t) x_t} (lambda the trace decay), so that credit reaches inputs seen earlier; with
     * traces switched off (lambda 0) it is the last step's input alone.
     */
    float[] pre();

    /** Post-synaptic activity (what the nodes released; for the readout, its input current), {@code batch x nodeCount}. */
    float[] post();

    /**
     * Eligibility trace of each node, {@code batch x nodeCount}, in [0, 1]: set to 1 when the node releases and
     * decayed every step. In static mode (one step) it is 1 where the node released for this sample and 0
     * otherwise, the derivative of the release with respect to the input current; the readout's is always 1.
     */
    float[] eligibility();

    /**
     * The third factor for each node, {@code batch x nodeCount}: the error or reward signal the engine delivers
     * forward to this layer. At the readout it is target minus output ({@code -outputError}); below it, that
     * error sent forward through the network's fixed random feedback projection (no weight is transported).
     */
    float[] modulation();

    /** Weights, {@code nodeCount x inputCount} row-major; the rule updates them in place. */
    float[] weights();

    /** Biases, {@code nodeCount}; the rule updates them in place. */
    float[] bias();
}

package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The signals of one training batch, offered by the engine to a {@link RuleState} after the forward pass.
 *
 * <p>All arrays are the engine's buffers, batch-major and valid only during {@link RuleState#learn}; a rule must
 * not write them (except {@link LayerSignals#weights()} and {@link LayerSignals#bias()}) nor keep them.
 */
@ProviderType
public interface LearningStep {

    /** Number of samples in the batch. */
    int batchSize();

    /** Number of weight layers (one less than the number of layer sizes in the {@link NetworkShape}). */
    int layerCount();

    /** The signals of weight layer {@code index}, 0 being the layer fed by the input; the last is the readout. */
    LayerSignals layer(int index);

    /**
     * Integration steps each sample was presented for: 1 in static mode; the sequence length in temporal mode,
     * where the signals are those at the end of the sequence and {@link LayerSignals#pre()} is a trace.
     */
    int timeSteps();

    /**
     * The input the network saw, {@code batch x inputWidth} (in temporal mode, the last step's input): after the
     * network's own input normalisation, if it has one. {@link #forward(float[])} takes input in the same form.
     */
    float[] input();

    /** The class label of each sample, {@code batch} entries in {@code [0, outputWidth)}. */
    int[] labels();

    /**
     * The error at the output, {@code batch x outputWidth}: the softmax of the readout minus the one-hot
     * target, i.e. the gradient of the cross-entropy with respect to the readout's input current.
     */
    float[] outputError();

    /**
     * Runs one more forward pass of the current weights on other input, without changing any node state, for
     * rules that compare two passes (PEPITA, Forward-Forward). The result is valid until the next call or the end
     * of {@link RuleState#learn}.
     *
     * @param input {@code batch x inputWidth}
     * @throws IllegalArgumentException if {@code input} has the wrong length
     * @throws UnsupportedOperationException in temporal mode, where a second pass over the sequence is not kept
     */
    ForwardPass forward(float[] input);

    /** The engine's matrix routines, for the rule's own arithmetic. */
    MatrixMath math();

    /**
     * The factor the run's learning-rate schedule sets for this batch, in (0, 1]: a rule multiplies its step size
     * by it. 1 throughout with a constant schedule; with a cosine schedule it falls from 1 towards 0 over the run.
     *
     * @since 1.2
     */
    default float rateFactor() {
        return 1f;
    }
}

package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ProviderType;

/** The signals of one training batch, offered by the engine to a {@link RuleState}. */
@ProviderType
public interface LearningStep {

    /** Number of samples in the batch. */
    int batchSize();

    /** Number of weight layers (one less than the number of layer sizes in the {@link NetworkShape}). */
    int layerCount();

    /** The signals of weight layer {@code index}, 0 being the layer fed by the input. */
    LayerSignals layer(int index);
}

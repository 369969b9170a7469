package org.neuromesh.api.training;

import java.util.List;
import java.util.Objects;

/**
 * The hidden layers of a network at one moment, for inspecting its nodes.
 *
 * @param source what the snapshot was taken of, e.g. "checkpoint runs/small-20261206.nmc" or "live run, epoch 2
 *               batch 17 of 47"
 * @param layers the hidden layers, the first one first (the readout has no gating state and is left out)
 */
public record ClusterSnapshot(String source, List<LayerSnapshot> layers) {

    public ClusterSnapshot {
        Objects.requireNonNull(source, "source");
        layers = List.copyOf(layers);
    }
}

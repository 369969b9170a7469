package org.neuromesh.api.training;

import java.util.List;

/**
 * One epoch of a run.
 *
 * @param epoch              1 for the first
 * @param loss               mean training loss
 * @param trainAccuracy      accuracy on the training samples as they were trained (0..1)
 * @param validationAccuracy accuracy on the held-out images (0..1), or NaN without validation
 * @param seconds            time the epoch took
 * @param samplesPerSecond   training speed
 * @param layers             each hidden layer's gating
 * @param hiddenNodes        hidden nodes at the epoch's end
 * @param topologyChange     what topology dynamics did (split, duplicate, prune), empty if nothing
 * @param stopped            whether the run was stopped during this epoch (its figures cover fewer samples)
 */
public record EpochResult(int epoch, double loss, double trainAccuracy, double validationAccuracy, double seconds,
        double samplesPerSecond, List<LayerResult> layers, int hiddenNodes, String topologyChange, boolean stopped) {

    public EpochResult {
        layers = List.copyOf(layers);
        topologyChange = topologyChange == null ? "" : topologyChange;
    }
}

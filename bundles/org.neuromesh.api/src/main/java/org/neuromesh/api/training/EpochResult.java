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
 * @param releaseRate        share of all hidden node evaluations that released (since 1.3; NaN when not known)
 * @param timerShare         share of all releases the timers forced (since 1.3; NaN when not known)
 * @param liveEdges          edges not pruned at the epoch's end (since 1.3; 0 when not known)
 * @param totalEdges         all edges at the epoch's end (since 1.3; 0 when not known)
 */
public record EpochResult(int epoch, double loss, double trainAccuracy, double validationAccuracy, double seconds,
        double samplesPerSecond, List<LayerResult> layers, int hiddenNodes, String topologyChange, boolean stopped,
        double releaseRate, double timerShare, long liveEdges, long totalEdges) {

    /** An epoch without its overall gating and edge counts (the components of version 1.2). */
    public EpochResult(int epoch, double loss, double trainAccuracy, double validationAccuracy, double seconds,
            double samplesPerSecond, List<LayerResult> layers, int hiddenNodes, String topologyChange,
            boolean stopped) {
        this(epoch, loss, trainAccuracy, validationAccuracy, seconds, samplesPerSecond, layers, hiddenNodes,
                topologyChange, stopped, Double.NaN, Double.NaN, 0, 0);
    }

    public EpochResult {
        layers = List.copyOf(layers);
        topologyChange = topologyChange == null ? "" : topologyChange;
    }
}

package org.neuromesh.api.training;

import java.util.Objects;

/**
 * The state of one hidden layer's threshold-gating nodes at one moment, copied out of a network (a live run or a
 * checkpoint). Per-node arrays have {@code nodes} values each; the receiver owns them (they are copies, not the
 * network's own arrays), and no one changes them after the snapshot was made. As with any record of arrays,
 * {@code equals} compares the arrays by identity, not by content.
 *
 * @param layer         1 for the first hidden layer
 * @param inputs        the inputs of each node (784 for MNIST images in the first layer)
 * @param nodes         the layer's nodes
 * @param releaseRate   per node, the share of the samples of the last training batch on which it released (by its
 *                      threshold or its timer); {@code null} when not known (a checkpoint does not keep it)
 * @param threshold     per node, the adaptive threshold d
 * @param timeToRelease per node, the forced-release timer's limit: samples of silence after which it must release
 * @param silentSamples per node, the timer: samples since it last released
 * @param eligibility   per node, its eligibility trace after the last sample it saw: 1 just after a release, then
 *                      decaying by the gating's trace decay each silent sample
 * @param weights       the input weights, {@code nodes x inputs} row-major; {@code null} when not copied (only the
 *                      first layer's are, to bound the cost of a snapshot)
 */
public record LayerSnapshot(int layer, int inputs, int nodes, float[] releaseRate, float[] threshold,
        float[] timeToRelease, float[] silentSamples, float[] eligibility, float[] weights) {

    public LayerSnapshot {
        if (layer < 1 || inputs < 1 || nodes < 1) {
            throw new IllegalArgumentException("a layer snapshot needs a layer >= 1, inputs and nodes; got layer "
                    + layer + ", " + inputs + " inputs, " + nodes + " nodes");
        }
        requireLength("threshold", threshold, nodes);
        requireLength("timeToRelease", timeToRelease, nodes);
        requireLength("silentSamples", silentSamples, nodes);
        requireLength("eligibility", eligibility, nodes);
        if (releaseRate != null) {
            requireLength("releaseRate", releaseRate, nodes);
        }
        if (weights != null) {
            requireLength("weights", weights, nodes * inputs);
        }
    }

    /** Whether the input weights were copied. */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Whether the release rates are known (live runs only). */
    public boolean hasReleaseRate() {
        return releaseRate != null;
    }

    private static void requireLength(String name, float[] values, int length) {
        Objects.requireNonNull(values, name);
        if (values.length != length) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + length);
        }
    }
}

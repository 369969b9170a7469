package org.neuromesh.api.training;

/**
 * One hidden layer's gating over an epoch, or over the final evaluation.
 *
 * @param layer             the hidden layer's index, 0 for the first (runs always counted so; the 1.2 text said 1)
 * @param nodes             its nodes
 * @param releaseRate       share of node evaluations that released
 * @param forcedShare       share of releases forced by the timer
 * @param meanThreshold     the layer's mean adaptive threshold at the end
 * @param silentNodes       nodes that did not release once (since 1.3; 0 when not known)
 * @param meanTimeToRelease the layer's mean timer limit at the end, infinite with no timer (since 1.3; NaN when
 *                          not known)
 */
public record LayerResult(int layer, int nodes, double releaseRate, double forcedShare, double meanThreshold,
        int silentNodes, double meanTimeToRelease) {

    /** A layer without its silent nodes and timers (the components of version 1.2). */
    public LayerResult(int layer, int nodes, double releaseRate, double forcedShare, double meanThreshold) {
        this(layer, nodes, releaseRate, forcedShare, meanThreshold, 0, Double.NaN);
    }
}

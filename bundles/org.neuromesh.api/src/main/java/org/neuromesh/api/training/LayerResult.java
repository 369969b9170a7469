package org.neuromesh.api.training;

/**
 * One hidden layer's gating over an epoch.
 *
 * @param layer         1 for the first hidden layer
 * @param nodes         its nodes
 * @param releaseRate   share of node evaluations that released
 * @param forcedShare   share of releases forced by the timer
 * @param meanThreshold the layer's mean adaptive threshold at the epoch's end
 */
public record LayerResult(int layer, int nodes, double releaseRate, double forcedShare, double meanThreshold) {
}

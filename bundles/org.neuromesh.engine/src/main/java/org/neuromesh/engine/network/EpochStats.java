package org.neuromesh.engine.network;

import java.util.List;

/**
 * What one pass over the training samples did.
 *
 * @param samples samples trained on (fewer than the set when stopped early)
 * @param meanLoss mean cross-entropy over those samples
 * @param trainAccuracy fraction classified right during training, in [0, 1]
 * @param seconds wall-clock time of the pass
 * @param layers how each hidden layer released during the pass (forced releases included)
 * @param stopped whether the pass was stopped before its end
 */
public record EpochStats(int samples, double meanLoss, double trainAccuracy, double seconds,
        List<LayerActivity> layers, boolean stopped) {

    public EpochStats {
        layers = List.copyOf(layers);
    }

    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** Fraction of hidden node evaluations that released, over all hidden layers, in [0, 1]. */
    public double releaseRate() {
        return LayerActivity.releaseRate(layers);
    }

    /** Fraction of releases that were forced by the timer, over all hidden layers. */
    public double timerShare() {
        return LayerActivity.forcedShare(layers);
    }
}

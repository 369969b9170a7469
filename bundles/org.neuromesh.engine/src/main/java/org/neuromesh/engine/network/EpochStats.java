package org.neuromesh.engine.network;

/**
 * What one pass over the training samples did.
 *
 * @param samples samples trained on (fewer than the set when stopped early)
 * @param meanLoss mean cross-entropy over those samples
 * @param trainAccuracy fraction classified right during training, in [0, 1]
 * @param seconds wall-clock time of the pass
 * @param thresholdReleases releases because the accumulator reached the threshold
 * @param timerReleases forced releases because a node's timer reached timeToRelease
 * @param hiddenNodeSteps hidden node evaluations, the denominator of the release rate
 * @param stopped whether the pass was stopped before its end
 */
public record EpochStats(int samples, double meanLoss, double trainAccuracy, double seconds, long thresholdReleases,
        long timerReleases, long hiddenNodeSteps, boolean stopped) {

    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** Fraction of hidden node evaluations that released, in [0, 1]. */
    public double releaseRate() {
        return hiddenNodeSteps == 0 ? 0 : (double) (thresholdReleases + timerReleases) / hiddenNodeSteps;
    }

    /** Fraction of releases that were forced by the timer. */
    public double timerShare() {
        long all = thresholdReleases + timerReleases;
        return all == 0 ? 0 : (double) timerReleases / all;
    }
}

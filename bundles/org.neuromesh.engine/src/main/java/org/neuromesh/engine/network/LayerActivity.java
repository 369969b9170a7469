package org.neuromesh.engine.network;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How one hidden layer of threshold-gating nodes behaved over a pass: how often its nodes released, how many of the
 * releases the timer forced, how many nodes never released, and where its thresholds and timers stood at the end.
 *
 * @param layer index of the weight layer (0 = the first hidden layer)
 * @param nodes nodes in the layer
 * @param evaluations node evaluations, nodes x samples (x steps for sequences)
 * @param released evaluations in which the node released (by threshold or timer)
 * @param forced releases the timer forced (always 0 at inference, where timers are frozen)
 * @param silentNodes nodes that did not release once in the pass
 * @param meanThreshold mean threshold d of the layer's nodes after the pass
 * @param meanTimeToRelease mean timeToRelease after the pass (infinite when the timer is off)
 */
public record LayerActivity(int layer, int nodes, long evaluations, long released, long forced, int silentNodes,
        double meanThreshold, double meanTimeToRelease) {

    /** Fraction of node evaluations that released, in [0, 1]. */
    public double releaseRate() {
        return evaluations == 0 ? 0 : (double) released / evaluations;
    }

    /** Fraction of the releases that the timer forced, in [0, 1]. */
    public double forcedShare() {
        return released == 0 ? 0 : (double) forced / released;
    }

    /** Fraction of all node evaluations of {@code layers} that released, in [0, 1]. */
    public static double releaseRate(List<LayerActivity> layers) {
        return share(layers, LayerActivity::released, LayerActivity::evaluations);
    }

    /** Fraction of all releases of {@code layers} that the timer forced, in [0, 1]. */
    public static double forcedShare(List<LayerActivity> layers) {
        return share(layers, LayerActivity::forced, LayerActivity::released);
    }

    private static double share(List<LayerActivity> layers, ToLongFunction<LayerActivity> part,
            ToLongFunction<LayerActivity> whole) {
        long parts = layers.stream().mapToLong(part).sum();
        long wholes = layers.stream().mapToLong(whole).sum();
        return wholes == 0 ? 0 : (double) parts / wholes;
    }
}

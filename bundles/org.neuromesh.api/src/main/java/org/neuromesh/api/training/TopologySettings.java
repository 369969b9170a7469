package org.neuromesh.api.training;

/**
 * How a run changes its network's structure after each epoch but the last.
 *
 * @param split     hidden nodes split per hidden layer after each epoch (0: no growth)
 * @param maxNodes  no hidden layer grows beyond this many nodes by splitting
 * @param prune     fraction of the live edges pruned after each epoch from {@code pruneFrom} on, in [0, 1)
 * @param pruneFrom first epoch (1 for the first) after which pruning happens
 * @param duplicate strong edges per layer duplicated onto pruned ones after each epoch
 * @since 1.3
 */
public record TopologySettings(int split, int maxNodes, double prune, int pruneFrom, int duplicate) {

    public TopologySettings {
        if (split < 0 || maxNodes < 0 || pruneFrom < 0 || duplicate < 0 || !(prune >= 0 && prune < 1)) {
            throw new IllegalArgumentException("topology counts must be >= 0 and prune in [0, 1); got split " + split
                    + ", max nodes " + maxNodes + ", prune " + prune + " from epoch " + pruneFrom + ", duplicate "
                    + duplicate);
        }
    }

    /** A fixed structure: nothing split, pruned or duplicated. */
    public static TopologySettings none() {
        return new TopologySettings(0, 0, 0, 1, 0);
    }
}

package org.neuromesh.engine.network;

/**
 * When a {@link TrainingRun} changes the network's structure, applied after each epoch but the last.
 *
 * @param splitPerEpoch hidden nodes split per hidden layer after each epoch (0: no growth)
 * @param maxNodes no hidden layer grows beyond this many nodes
 * @param pruneFraction fraction of the live edges pruned after each epoch from {@code pruneFromEpoch} on
 * @param pruneFromEpoch first epoch (1-based) after which pruning happens
 * @param duplicatePerEpoch strong edges per layer duplicated onto pruned ones after each epoch
 */
public record TopologyPlan(int splitPerEpoch, int maxNodes, double pruneFraction, int pruneFromEpoch,
        int duplicatePerEpoch) {

    public TopologyPlan {
        if (splitPerEpoch < 0 || maxNodes < 0 || duplicatePerEpoch < 0 || pruneFromEpoch < 0) {
            throw new IllegalArgumentException("topology counts must be >= 0, got split " + splitPerEpoch
                    + ", max nodes " + maxNodes + ", duplicate " + duplicatePerEpoch + ", prune from epoch "
                    + pruneFromEpoch);
        }
        if (!(pruneFraction >= 0 && pruneFraction < 1)) {
            throw new IllegalArgumentException("pruneFraction must be in [0, 1), got " + pruneFraction);
        }
    }

    /** A fixed structure. */
    public static TopologyPlan none() {
        return new TopologyPlan(0, 0, 0, 0, 0);
    }

    public boolean changesAnything() {
        return splitPerEpoch > 0 || pruneFraction > 0 || duplicatePerEpoch > 0;
    }
}

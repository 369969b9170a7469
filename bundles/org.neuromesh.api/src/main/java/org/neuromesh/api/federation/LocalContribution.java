package org.neuromesh.api.federation;

/**
 * What one member learnt in one round, sent sealed to the aggregator. Holds model state and counts, no samples.
 *
 * @param round the round it belongs to
 * @param model the member's model after local training
 * @param modulation the member's change of the modulatory signal (may be empty)
 * @param samples samples it trained on this round, the weight of its model in the merge
 * @param meanLoss its mean training loss this round
 */
public record LocalContribution(int round, byte[] model, byte[] modulation, long samples, double meanLoss) {

    public LocalContribution {
        if (round < 1) {
            throw new IllegalArgumentException("contributions belong to rounds >= 1, got " + round);
        }
        if (model == null || model.length == 0) {
            throw new IllegalArgumentException("contribution to round " + round + " has no model");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("contribution to round " + round + " trained on " + samples
                    + " samples");
        }
        model = model.clone();
        modulation = modulation == null ? new byte[0] : modulation.clone();
    }

    @Override
    public byte[] model() {
        return model.clone();
    }

    @Override
    public byte[] modulation() {
        return modulation.clone();
    }
}

package org.neuromesh.api.federation;

/**
 * The aggregator's state after a round, sent to every member: the merged model and the global modulatory signal
 * that steers the members' next local training.
 *
 * @param round the round that produced it; 0 for the common start
 * @param model the merged model, in the learner's format
 * @param modulation the global modulatory signal, in the learner's format (may be empty)
 */
public record GlobalState(int round, byte[] model, byte[] modulation) {

    public GlobalState {
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        if (model == null || model.length == 0) {
            throw new IllegalArgumentException("global state of round " + round + " has no model");
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

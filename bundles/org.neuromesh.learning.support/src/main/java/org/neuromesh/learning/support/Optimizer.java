package org.neuromesh.learning.support;

import java.util.Locale;

import org.neuromesh.api.learning.NetworkShape;

/** The optimisers a rule can be configured with ({@code optimizer = momentum | adam}). */
public enum Optimizer {

    /** {@link MomentumDescent}: heavy-ball momentum with L2 decay. */
    MOMENTUM("momentum"),

    /** {@link AdamDescent}: Adam (Kingma and Ba 2015) with decoupled weight decay; the momentum is its beta1. */
    ADAM("adam");

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    /** The configuration value: {@code momentum} or {@code adam}. */
    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the values allowed
     */
    public static Optimizer fromName(String name) {
        String wanted = String.valueOf(name).trim().toLowerCase(Locale.ROOT);
        for (Optimizer optimizer : values()) {
            if (optimizer.id.equals(wanted)) {
                return optimizer;
            }
        }
        throw new IllegalArgumentException("optimizer must be momentum or adam, got '" + name + "'");
    }

    /**
     * A descent for one network.
     *
     * @param momentum the momentum, or Adam's beta1 (decay of the first moment), in [0, 1)
     * @param weightDecay the L2 decay (momentum) or decoupled decay (Adam), >= 0
     */
    public Descent create(NetworkShape shape, float momentum, float weightDecay) {
        return switch (this) {
            case MOMENTUM -> new MomentumDescent(shape, momentum, weightDecay);
            case ADAM -> new AdamDescent(shape, momentum, AdamDescent.DEFAULT_BETA2, AdamDescent.DEFAULT_EPSILON,
                    weightDecay);
        };
    }
}

package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plasticity rule, offered as an OSGi service with {@value #NAME_PROPERTY} set to {@link RuleInfo#name()}.
 *
 * <p>Providers must be stateless and thread-safe at this level: all state that belongs to one network lives in
 * the {@link RuleState} returned by {@link #begin}, so one rule service can train many networks at once.
 */
@ConsumerType
public interface LearningRule {

    /** Service property naming the rule, e.g. {@code eligibility} or {@code forward-forward}. */
    String NAME_PROPERTY = "neuromesh.learning.rule";

    /** What this rule is; {@code info().name()} must equal the service property {@value #NAME_PROPERTY}. */
    RuleInfo info();

    /**
     * Starts training one network.
     *
     * @param shape the layer sizes of the network the returned state will train
     * @param seed the seed for any randomness the rule needs, so that runs are reproducible
     * @return per-network state; never {@code null}
     * @throws IllegalArgumentException if the rule cannot train a network of this shape, with the reason
     */
    RuleState begin(NetworkShape shape, long seed);
}

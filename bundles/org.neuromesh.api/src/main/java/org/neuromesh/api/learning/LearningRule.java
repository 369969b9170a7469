package org.neuromesh.api.learning;

import java.util.Map;

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

    /**
     * This rule with some of its settings changed for one run, e.g. {@code learningRate -> "0.02"}: the keys are the
     * ids of the rule's configuration (its metatype attributes), the values their text or a number. The rule itself
     * is left as it is. A rule without settings refuses a non-empty map.
     *
     * @param settings the settings to change; the others keep their configured values
     * @return a rule configured with them (this rule itself for an empty map)
     * @throws IllegalArgumentException naming the setting that is unknown or whose value does not fit
     * @since 1.3
     */
    default LearningRule withSettings(Map<String, Object> settings) {
        if (settings.isEmpty()) {
            return this;
        }
        throw new IllegalArgumentException("rule " + info().name() + " does not take per-run settings; got "
                + settings.keySet());
    }
}

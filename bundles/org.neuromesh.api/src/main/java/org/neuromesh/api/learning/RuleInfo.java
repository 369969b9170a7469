package org.neuromesh.api.learning;

import java.util.Objects;

/**
 * Describes a learning rule.
 *
 * @param name short stable name, equal to the service property {@link LearningRule#NAME_PROPERTY}
 * @param displayName name shown to users
 * @param forwardOnly {@code false} only for rules that propagate gradients backwards (the reference)
 * @param reference where the rule comes from (paper or "NeuroMesh")
 * @param learnsSequences whether the rule can train in temporal mode (error only at the end of a sequence)
 */
public record RuleInfo(String name, String displayName, boolean forwardOnly, String reference,
        boolean learnsSequences) {

    /** A rule for static data sets only. */
    public RuleInfo(String name, String displayName, boolean forwardOnly, String reference) {
        this(name, displayName, forwardOnly, reference, false);
    }

    public RuleInfo {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("rule name '" + name
                    + "' must be lower-case letters, digits, '.' or '-'");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        reference = reference == null ? "" : reference;
    }
}

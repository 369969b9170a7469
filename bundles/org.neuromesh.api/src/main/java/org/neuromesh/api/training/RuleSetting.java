package org.neuromesh.api.training;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a learning rule, as the rule's metatype describes it: what a form shows as a field.
 *
 * @param id           the key of the setting, as in {@link TrainingPlan#ruleSettings()}, e.g. {@code learningRate}
 * @param name         the name shown to users
 * @param description  what it does, for a tooltip; may be empty
 * @param type         what kind of value it takes
 * @param defaultValue the rule's default, as text; may be empty
 * @param options      the values allowed for {@link Type#OPTION}, else empty
 * @param optionLabels a label per option, in the same order
 * @since 1.2
 */
public record RuleSetting(String id, String name, String description, Type type, String defaultValue,
        List<String> options, List<String> optionLabels) {

    /** The kind of value of a setting. */
    public enum Type {
        INTEGER, DOUBLE, BOOLEAN, STRING, OPTION
    }

    public RuleSetting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        defaultValue = defaultValue == null ? "" : defaultValue;
        options = List.copyOf(options == null ? List.of() : options);
        optionLabels = List.copyOf(optionLabels == null ? options : optionLabels);
        if (optionLabels.size() != options.size()) {
            throw new IllegalArgumentException("setting " + id + " has " + options.size() + " options but "
                    + optionLabels.size() + " labels");
        }
    }
}

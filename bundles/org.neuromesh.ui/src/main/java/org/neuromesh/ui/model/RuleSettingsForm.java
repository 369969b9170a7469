package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.neuromesh.api.training.RuleSetting;

/**
 * The chosen rule's settings as a form: a field per setting its metatype describes, the value an experiment file
 * gives it (empty: the rule as configured, its default shown as a hint) and what is wrong with it. Types and
 * options are checked here; minimum and maximum by {@code bounds}, the rule's metatype (the training service's
 * {@code checkRuleSetting}), which alone knows them.
 */
public final class RuleSettingsForm {

    private final String rule;
    private final List<RuleSetting> settings;
    private final BiFunction<String, String, String> bounds;

    /**
     * @param rule     the rule's name, for messages
     * @param settings what its metatype describes, in order
     * @param bounds   (id, value) to the metatype's problem with the value, or null if it fits
     */
    public RuleSettingsForm(String rule, List<RuleSetting> settings, BiFunction<String, String, String> bounds) {
        this.rule = rule;
        this.settings = List.copyOf(settings);
        this.bounds = bounds;
    }

    /** The form of a rule that describes no settings. */
    public static RuleSettingsForm none(String rule) {
        return new RuleSettingsForm(rule, List.of(), (id, value) -> null);
    }

    public String rule() {
        return rule;
    }

    /** The fields, in the metatype's order. */
    public List<RuleSetting> settings() {
        return settings;
    }

    public Optional<RuleSetting> setting(String id) {
        return settings.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The field's text for {@code experiment}: its {@code rule.<id>} value, or empty for "as configured". */
    public String value(ExperimentFile experiment, String id) {
        return experiment.ruleSettings().getOrDefault(id, "");
    }

    /** What is wrong with {@code value} for the setting {@code id}, or null; an empty value is always fine. */
    public String problemOf(String id, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<RuleSetting> described = setting(id);
        if (described.isEmpty()) {
            return "is not a setting of the rule " + rule + (settings.isEmpty() ? ", which has none"
                    : "; its settings are " + ids());
        }
        String text = value.strip();
        RuleSetting setting = described.get();
        String wrong = switch (setting.type()) {
            case INTEGER -> text.matches("[-+]?\\d+") ? null : "'" + text + "' is not a whole number";
            case DOUBLE -> isNumber(text) ? null : "'" + text + "' is not a number";
            case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "is true or false, not '" + text + "'";
            case OPTION -> setting.options().contains(text) ? null : "is one of " + setting.options() + ", not '"
                    + text + "'";
            case STRING -> null;
        };
        return wrong != null ? wrong : bounds.apply(id, text);
    }

    /** The problems of every rule setting {@code experiment} sets, keyed {@code rule.<id>}, in the form's order. */
    public List<ExperimentFile.Problem> problems(ExperimentFile experiment) {
        List<ExperimentFile.Problem> problems = new ArrayList<>();
        experiment.ruleSettings().forEach((id, value) -> {
            String problem = problemOf(id, value);
            if (problem != null) {
                problems.add(new ExperimentFile.Problem(0, ExperimentFile.RULE_SETTING + id, problem));
            }
        });
        return problems;
    }

    /**
     * The rule settings of {@code experiment} that this form keeps when the rule changes to it: those with an id it
     * has and a value that fits it.
     */
    public Map<String, String> kept(ExperimentFile experiment) {
        Map<String, String> kept = new LinkedHashMap<>();
        experiment.ruleSettings().forEach((id, value) -> {
            if (setting(id).isPresent() && problemOf(id, value) == null) {
                kept.put(id, value);
            }
        });
        return kept;
    }

    private Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        settings.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text)) && !text.endsWith("d") && !text.endsWith("f")
                    && !text.endsWith("D") && !text.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package org.neuromesh.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neuromesh.api.training.TrainingPlan;

/**
 * An experiment file ({@code *.nmx}): human-readable {@code key = value} lines, {@code #} comments, one setting per
 * line. Reading never throws: what is wrong comes back as problems with their line and key, and what could be read
 * is kept, so that an editor opens a broken file with its errors marked and loses nothing. The rule's own settings
 * are {@code rule.<id> = value} lines ({@link #ruleSettings()}); which ids and values fit the chosen rule is
 * {@link RuleSettingsForm}'s to say, since only the installed rule knows.
 */
public final class ExperimentFile {

    /** What is wrong in a file or a field: line 0 for a setting that is missing or wrong as a whole. */
    public record Problem(int line, String key, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + key + ": " + message;
        }
    }

    /** The start of a rule setting's key: {@code rule.learningRate = 0.02}. */
    public static final String RULE_SETTING = "rule.";

    /** Settings and their defaults, in the order a new file lists them. */
    public static final Map<String, String> DEFAULTS = defaults();
    static final Set<String> DATASETS = Set.of("mnist", "fashion-mnist");
    static final Set<String> NORMALISATIONS = Set.of("none", "standard");
    static final Set<String> SCHEDULES = Set.of("constant", "cosine");
    static final Set<String> GATINGS = Set.of("paper", "fixed-threshold", "no-timer", "relu");

    private final Map<String, String> values;
    private final Map<String, String> ruleSettings;
    private final List<Problem> problems;

    private ExperimentFile(Map<String, String> values, Map<String, String> ruleSettings, List<Problem> problems) {
        this.values = values;
        this.ruleSettings = ruleSettings;
        this.problems = problems;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("dataset", "mnist");
        defaults.put("rule", "");
        defaults.put("hidden", "256");
        defaults.put("epochs", "3");
        defaults.put("batch", "64");
        defaults.put("seed", "1");
        defaults.put("augment", "none");
        defaults.put("normalise", "none");
        defaults.put("schedule", "constant");
        defaults.put("gating", "paper");
        defaults.put("validation", "5000");
        defaults.put("trainingSamples", "0");
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** A new experiment with every default. */
    public static ExperimentFile create() {
        return create("");
    }

    /** A new experiment with every default and this rule (the Learning preference; blank: the highest-ranked). */
    public static ExperimentFile create(String defaultRule) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.put("rule", defaultRule == null ? "" : defaultRule.strip());
        return new ExperimentFile(values, new java.util.TreeMap<>(), List.of());
    }

    /** Reads a file's text; unknown keys, repeated keys, lines without {@code =} and bad values are problems. */
    public static ExperimentFile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> ruleSettings = new java.util.TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seenOn = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add(new Problem(i + 1, line, "is not a 'key = value' line"));
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.startsWith(RULE_SETTING)) {
                String id = key.substring(RULE_SETTING.length());
                if (!id.matches("[A-Za-z0-9_.-]+")) {
                    problems.add(new Problem(i + 1, key, "is not a rule setting: rule. is followed by the setting's"
                            + " id, e.g. rule.learningRate"));
                } else if (seenOn.put(key, i + 1) != null) {
                    problems.add(new Problem(i + 1, key, "is set again"));
                } else if (!value.isEmpty()) {
                    ruleSettings.put(id, value);
                }
                continue;
            }
            if (!DEFAULTS.containsKey(key)) {
                problems.add(new Problem(i + 1, key, "is not a setting; settings are " + DEFAULTS.keySet()));
                continue;
            }
            Integer earlier = seenOn.put(key, i + 1);
            if (earlier != null) {
                problems.add(new Problem(i + 1, key, "is set again (first on line " + earlier + ")"));
            }
            values.put(key, value);
        }
        ExperimentFile file = new ExperimentFile(values, ruleSettings, problems);
        for (String key : DEFAULTS.keySet()) {
            String wrong = file.check(key, values.get(key));
            if (wrong != null) {
                problems.add(new Problem(seenOn.getOrDefault(key, 0), key, wrong));
            }
        }
        return file;
    }

    /** The value of a setting as text. */
    public String get(String key) {
        return values.get(key);
    }

    /** The same experiment with one setting changed (not checked: see {@link #problems()}). */
    public ExperimentFile with(String key, String value) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException(key + " is not a setting");
        }
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, value.strip());
        return parse(text(changed, ruleSettings));
    }

    /** The rule's settings the file sets ({@code rule.<id>} lines), by id; a setting not listed is as configured. */
    public Map<String, String> ruleSettings() {
        return java.util.Collections.unmodifiableMap(ruleSettings);
    }

    /** The same experiment with one rule setting set, or removed when {@code value} is blank. */
    public ExperimentFile withRuleSetting(String id, String value) {
        Map<String, String> changed = new java.util.TreeMap<>(ruleSettings);
        if (value == null || value.isBlank()) {
            changed.remove(id);
        } else {
            changed.put(id, value.strip());
        }
        return parse(text(values, changed));
    }

    /** The same experiment with exactly these rule settings (e.g. those kept when the rule changes). */
    public ExperimentFile withRuleSettings(Map<String, String> settings) {
        return parse(text(values, new java.util.TreeMap<>(settings)));
    }

    /** What is wrong; empty if it can run. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The problem of one setting, or null. */
    public String problemOf(String key) {
        return problems.stream().filter(p -> p.key().equals(key)).map(Problem::message).findFirst().orElse(null);
    }

    /** The file's text: every setting, in the order of {@link #DEFAULTS}. */
    public String text() {
        return text(values, ruleSettings);
    }

    private static String text(Map<String, String> values, Map<String, String> ruleSettings) {
        StringBuilder text = new StringBuilder("# NeuroMesh experiment: one setting per line; see the README's"
                + " workbench section\n");
        DEFAULTS.keySet().forEach(key -> text.append(key).append(" = ").append(values.get(key)).append('\n'));
        ruleSettings.forEach((id, value) -> text.append(RULE_SETTING).append(id).append(" = ").append(value)
                .append('\n'));
        return text.toString();
    }

    /** Equal when they say the same: the same text and the same problems. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExperimentFile file && file.text().equals(text()) && file.problems.equals(problems);
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    /**
     * The plan to train, saving to {@code checkpoint}.
     *
     * @throws IllegalStateException if the experiment has problems (the message lists them)
     */
    public TrainingPlan plan(Path checkpoint) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the experiment cannot run: " + problems);
        }
        return new TrainingPlan(get("dataset"), get("rule"), hidden(get("hidden")), Integer.parseInt(get("epochs")),
                Integer.parseInt(get("batch")), Long.parseLong(get("seed")), get("augment"), get("normalise"),
                get("schedule"), get("gating"), Integer.parseInt(get("validation")),
                Integer.parseInt(get("trainingSamples")), checkpoint, ruleSettings);
    }

    /** Why {@code value} does not fit {@code key}, or null if it does. */
    private String check(String key, String value) {
        try {
            switch (key) {
                case "dataset" -> require(DATASETS.contains(value), "is one of " + DATASETS);
                case "hidden" -> hidden(value);
                case "epochs" -> range(value, 1, 10_000);
                case "batch" -> range(value, 1, 65_536);
                case "seed" -> Long.parseLong(value);
                case "validation" -> range(value, 0, 59_000);
                case "trainingSamples" -> range(value, 0, 60_000);
                case "augment" -> require(value.matches("none|flip|(shift|shift-flip)(:[1-8])?"),
                        "is none, flip, shift or shift-flip (shift and shift-flip with :1 to :8)");
                case "normalise" -> require(NORMALISATIONS.contains(value), "is one of " + NORMALISATIONS);
                case "schedule" -> require(SCHEDULES.contains(value), "is one of " + SCHEDULES);
                case "gating" -> require(GATINGS.contains(value), "is one of " + GATINGS);
                default -> {
                    // rule: any name; whether it is installed is the editor's to say
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "'" + value + "' is not a whole number";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalArgumentException(what);
        }
    }

    private static void range(String value, long min, long max) {
        long number = Long.parseLong(value);
        require(number >= min && number <= max, String.format(Locale.ROOT, "is from %d to %d, not %d", min, max,
                number));
    }

    /** {@code 256} or {@code 1024,1024}: one or more widths of 1 to 65,536. */
    static List<Integer> hidden(String value) {
        List<Integer> widths = new ArrayList<>();
        for (String width : value.split(",")) {
            int parsed;
            try {
                parsed = Integer.parseInt(width.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is a comma-separated list of layer widths, e.g. 1024,1024");
            }
            require(parsed >= 1 && parsed <= 65_536, "has layer widths from 1 to 65536, not " + parsed);
            widths.add(parsed);
        }
        return widths;
    }
}

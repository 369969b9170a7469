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
 * is kept, so that an editor opens a broken file with its errors marked and loses nothing.
 */
public final class ExperimentFile {

    /** What is wrong in a file or a field: line 0 for a setting that is missing or wrong as a whole. */
    public record Problem(int line, String key, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + key + ": " + message;
        }
    }

    /** Settings and their defaults, in the order a new file lists them. */
    public static final Map<String, String> DEFAULTS = defaults();
    static final Set<String> DATASETS = Set.of("mnist", "fashion-mnist");
    static final Set<String> NORMALISATIONS = Set.of("none", "standard");
    static final Set<String> SCHEDULES = Set.of("constant", "cosine");
    static final Set<String> GATINGS = Set.of("paper", "fixed-threshold", "no-timer", "relu");

    private final Map<String, String> values;
    private final List<Problem> problems;

    private ExperimentFile(Map<String, String> values, List<Problem> problems) {
        this.values = values;
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
        return new ExperimentFile(new LinkedHashMap<>(DEFAULTS), List.of());
    }

    /** A new experiment with every default and this rule (the Learning preference; blank: the highest-ranked). */
    public static ExperimentFile create(String defaultRule) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.put("rule", defaultRule == null ? "" : defaultRule.strip());
        return new ExperimentFile(values, List.of());
    }

    /** Reads a file's text; unknown keys, repeated keys, lines without {@code =} and bad values are problems. */
    public static ExperimentFile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
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
        ExperimentFile file = new ExperimentFile(values, problems);
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
        return parse(text(changed));
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
        return text(values);
    }

    private static String text(Map<String, String> values) {
        StringBuilder text = new StringBuilder("# NeuroMesh experiment: one setting per line; see the README's"
                + " workbench section\n");
        DEFAULTS.keySet().forEach(key -> text.append(key).append(" = ").append(values.get(key)).append('\n'));
        return text.toString();
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
                Integer.parseInt(get("trainingSamples")), checkpoint);
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

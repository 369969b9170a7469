package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The few settings of a peer action, as {@code key=value} words (the command parameter a test gives, or the fields
 * of the action's dialog): e.g. {@code peer=server-peer classes=5,6,7 nodes=32 credits=100}. Values hold no spaces
 * except the last key's, {@code text=} or {@code topic=} may: the rest of the line.
 */
public final class ActionArguments {

    private final Map<String, String> values;

    private ActionArguments(Map<String, String> values) {
        this.values = values;
    }

    public static ActionArguments of(Map<String, String> values) {
        return new ActionArguments(new LinkedHashMap<>(values));
    }

    /**
     * Parses {@code key=value} words separated by spaces; a word without {@code =} continues the previous value.
     *
     * @throws IllegalArgumentException if the line starts with a word without {@code =}
     */
    public static ActionArguments parse(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        String last = null;
        for (String word : line.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            int at = word.indexOf('=');
            if (at > 0) {
                last = word.substring(0, at);
                values.put(last, word.substring(at + 1));
            } else if (last != null) {
                values.put(last, values.get(last) + " " + word);
            } else {
                throw new IllegalArgumentException("expected key=value, got '" + word + "'");
            }
        }
        return new ActionArguments(values);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    public String text(String key, String otherwise) {
        return text(key).orElse(otherwise);
    }

    /** An integer from {@code min} to {@code max}, or {@code otherwise} if not given. */
    public long integer(String key, long otherwise, long min, long max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + text.get() + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, or {@code otherwise} if not given. */
    public double number(String key, double otherwise, double min, double max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        double value;
        try {
            value = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + text.get() + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** Comma-separated integers, each from {@code min} to {@code max}; {@code otherwise} if not given. */
    public List<Integer> integers(String key, List<Integer> otherwise, int min, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        List<Integer> list = new ArrayList<>();
        for (String part : text.get().split(",")) {
            String item = part.strip();
            try {
                int value = Integer.parseInt(item);
                if (value < min || value > max) {
                    throw new IllegalArgumentException(key + ": each must be from " + min + " to " + max + ", not "
                            + value);
                }
                list.add(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be whole numbers separated by commas, not '"
                        + text.get() + "'");
            }
        }
        return list;
    }

    /** Comma-separated words; empty if not given. */
    public Set<String> words(String key) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : text(key, "").split(",")) {
            if (!part.isBlank()) {
                words.add(part.strip());
            }
        }
        return words;
    }

    public boolean flag(String key, boolean otherwise) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + text.get() + "'");
        };
    }
}

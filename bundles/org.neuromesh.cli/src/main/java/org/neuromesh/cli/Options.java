package org.neuromesh.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command options of the form {@code --name value} or {@code --flag}, read with typed getters whose errors name
 * the option and the value.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    /**
     * @param flags options that take no value
     * @param valued options that take a value
     * @throws IllegalArgumentException for an unknown option, a missing value or a repeated option
     */
    public static Options parse(String[] args, Set<String> flags, Set<String> valued) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            if (flags.contains(name)) {
                value = "true";
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (options.values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return options;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    public double number(String name, double fallback, double min, double max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= min && parsed <= max)) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    /** A comma-separated list of positive whole numbers. */
    public List<Integer> widths(String name, List<Integer> fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be numbers separated by commas, got '" + value + "'");
        }
    }
}

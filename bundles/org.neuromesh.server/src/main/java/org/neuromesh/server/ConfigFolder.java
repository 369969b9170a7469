package org.neuromesh.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies {@code <pid>.cfg} files (Java properties) from a folder to configuration, after checking every value
 * against the metatype the configured component publishes. A file with any bad value is not applied at all, the
 * previous configuration stays in force, and the report names the file, the key and what is wrong.
 */
public final class ConfigFolder {

    /** One described property: its type, and a check returning an error message or null/empty if fine. */
    public record Attribute(String id, Class<?> type, Function<String, String> check) {
    }

    /** What the folder needs from Config Admin and Metatype. */
    public interface Configurations {
        /** The attributes described for this pid, or empty if no installed bundle describes it. */
        Optional<Map<String, Attribute>> describe(String pid);

        void update(String pid, Map<String, Object> properties) throws IOException;

        void delete(String pid) throws IOException;
    }

    private static final String SUFFIX = ".cfg";

    private final Path folder;
    private final Configurations configurations;
    private final FolderReport report;
    private final Map<Path, FileState> lastSeen = new HashMap<>();
    private final Map<Path, FileState> handled = new HashMap<>();
    private boolean scanned;

    public ConfigFolder(Path folder, Configurations configurations, FolderReport report) {
        this.folder = folder.toAbsolutePath().normalize();
        this.configurations = configurations;
        this.report = report;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Applies new and changed files once they stopped changing between two scans, deletes configurations whose
     * file went away. Never throws. The first scan applies at once the files of PIDs that installed bundles
     * describe: they were there before the server started, and components that start after this scan (e.g. at a
     * later start level) then never run with their defaults first.
     */
    public synchronized void scan() {
        Map<Path, FileState> now;
        try {
            // No folder means no files: configurations from files that went away with it are deleted.
            now = Files.isDirectory(folder) ? FileState.list(folder, "*" + SUFFIX) : Map.of();
        } catch (IOException e) {
            report.problem("Cannot read configuration folder " + folder + ": " + e.getMessage());
            return;
        }
        boolean first = !scanned;
        scanned = true;
        for (Map.Entry<Path, FileState> entry : now.entrySet()) {
            boolean settled = entry.getValue().equals(lastSeen.get(entry.getKey()))
                    || first && configurations.describe(pidOf(entry.getKey())).isPresent();
            if (settled && !entry.getValue().equals(handled.get(entry.getKey()))) {
                apply(entry.getKey());
                handled.put(entry.getKey(), entry.getValue());
            }
        }
        for (Path gone : new ArrayList<>(handled.keySet())) {
            if (!now.containsKey(gone)) {
                handled.remove(gone);
                delete(gone);
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);
    }

    private void apply(Path file) {
        String pid = pidOf(file);
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            report.problem("Configuration " + file.getFileName() + " is malformed and was not applied: "
                    + e.getMessage());
            return;
        }
        Optional<Map<String, Attribute>> described = configurations.describe(pid);
        if (described.isEmpty()) {
            report.problem("Configuration " + file.getFileName() + " was not applied: no installed component "
                    + "describes the configuration '" + pid + "' (is the file name a PID, e.g. "
                    + "org.neuromesh.learning.eligibility.cfg?)");
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> typed = convert(raw, described.get(), problems);
        if (!problems.isEmpty()) {
            report.problem("Configuration " + file.getFileName() + " was not applied, the previous one stays: "
                    + String.join("; ", problems));
            return;
        }
        try {
            configurations.update(pid, typed);
            report.info("Applied configuration " + file.getFileName() + " " + typed);
        } catch (IOException e) {
            report.problem("Configuration " + file.getFileName() + " could not be stored: " + e.getMessage());
        }
    }

    /** Checks each value against its attribute and turns it into the declared type. */
    static Map<String, Object> convert(Properties raw, Map<String, Attribute> attributes, List<String> problems) {
        Map<String, Object> typed = new TreeMap<>();
        for (String key : new TreeMap<>(raw).keySet().stream().map(Object::toString).toList()) {
            String value = raw.getProperty(key).trim();
            Attribute attribute = attributes.get(key);
            if (attribute == null) {
                problems.add("unknown key '" + key + "' (known: " + String.join(", ", new TreeMap<>(attributes)
                        .keySet()) + ")");
                continue;
            }
            String error = attribute.check().apply(value);
            Object converted = error == null || error.isEmpty() ? parse(value, attribute.type()) : null;
            if (converted == null) {
                problems.add(key + "='" + value + "' is not a valid " + attribute.type().getSimpleName()
                        + (error == null || error.isEmpty() ? "" : " (" + error + ")"));
            } else {
                typed.put(key, converted);
            }
        }
        return typed;
    }

    private static Object parse(String value, Class<?> type) {
        try {
            if (type == Double.class) {
                double d = Double.parseDouble(value);
                return Double.isFinite(d) ? d : null;
            } else if (type == Float.class) {
                float f = Float.parseFloat(value);
                return Float.isFinite(f) ? f : null;
            } else if (type == Integer.class) {
                return Integer.valueOf(value);
            } else if (type == Long.class) {
                return Long.valueOf(value);
            } else if (type == Boolean.class) {
                return value.equalsIgnoreCase("true") ? Boolean.TRUE
                        : value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
            return value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void delete(Path file) {
        try {
            configurations.delete(pidOf(file));
            report.info("Configuration " + file.getFileName() + " was removed; defaults apply again");
        } catch (IOException e) {
            report.problem("Configuration " + pidOf(file) + " could not be deleted: " + e.getMessage());
        }
    }

    private static String pidOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}

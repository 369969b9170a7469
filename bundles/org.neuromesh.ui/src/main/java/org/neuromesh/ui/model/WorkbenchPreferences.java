package org.neuromesh.ui.model;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Window > Preferences without widgets: the keys, defaults, labels and checks of the pages Data, Learning and
 * Broker, and what each value does. Stored in the instance scope (the workspace) of {@link #NODE}; never a password.
 */
public final class WorkbenchPreferences {

    /** The preference node: the UI bundle's symbolic name. */
    public static final String NODE = "org.neuromesh.ui";

    /** Data page: the folder holding one sub-folder per data set ({@code mnist/}, ...); blank: the usual place. */
    public static final String DATA_FOLDER = "dataFolder";
    /** Learning page: the rule of new experiment files; blank: the highest-ranked rule installed. */
    public static final String DEFAULT_RULE = "defaultRule";
    /** Broker page: what the connection dialog suggests; a blank host: the broker the peer uses now. */
    public static final String BROKER_HOST = "brokerHost";
    public static final String BROKER_PORT = "brokerPort";
    public static final String BROKER_TLS = "brokerTls";
    public static final String BROKER_USER = "brokerUser";

    /** Every key with its default, as stored. */
    public static final Map<String, String> DEFAULTS = Map.of(DATA_FOLDER, "", DEFAULT_RULE, "", BROKER_HOST, "",
            BROKER_PORT, "1883", BROKER_TLS, "false", BROKER_USER, "");

    /** The data sets the workbench trains on, each looked up in its own sub-folder of the data folder. */
    public static final List<String> DATASETS = List.of("mnist", "fashion-mnist");

    /** Shown for the blank rule in the Learning page's list. */
    public static final String HIGHEST_RANKED = "(the highest-ranked rule installed)";

    private WorkbenchPreferences() {
    }

    /** Why a data folder cannot be used, or empty: blank is fine, else an absolute path that is not a file. */
    public static Optional<String> dataFolderProblem(String value) {
        String folder = value == null ? "" : value.strip();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(folder);
            if (!path.isAbsolute()) {
                return Optional.of("Data folder: '" + folder + "' is not an absolute path.");
            }
            if (Files.exists(path) && !Files.isDirectory(path)) {
                return Optional.of("Data folder: '" + folder + "' is a file, not a folder.");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("Data folder: '" + folder + "' is not a path.");
        }
    }

    /**
     * The system properties through which the data sets are found in {@code folder}: the engine looks up
     * {@code neuromesh.<id>.dir} first. Blank: none (the usual place, {@code ~/.cache/neuromesh/datasets}).
     */
    public static Map<String, String> datasetProperties(String folder) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (folder != null && !folder.isBlank() && dataFolderProblem(folder).isEmpty()) {
            for (String dataset : DATASETS) {
                properties.put("neuromesh." + dataset + ".dir", Path.of(folder.strip(), dataset).toString());
            }
        }
        return properties;
    }

    /** The Learning page's choices: label and stored value, the highest-ranked rule first, then each rule. */
    public static List<String[]> ruleChoices(List<String> installed, String current) {
        List<String[]> choices = new ArrayList<>();
        choices.add(new String[] { HIGHEST_RANKED, "" });
        for (String rule : installed) {
            choices.add(new String[] { rule, rule });
        }
        if (current != null && !current.isBlank() && !installed.contains(current)) {
            // kept, so that a rule whose plug-in is out for now is not silently replaced
            choices.add(new String[] { current + " (not installed now)", current });
        }
        return choices;
    }

    /**
     * The connection dialog's first fields: the Broker page's, if it names a host, else the broker in use.
     */
    public static ConnectForm connectForm(Map<String, String> stored, ConnectForm inUse) {
        String host = stored.getOrDefault(BROKER_HOST, "");
        if (host.isBlank()) {
            return inUse;
        }
        return new ConnectForm(host, stored.getOrDefault(BROKER_PORT, "1883"),
                Boolean.parseBoolean(stored.getOrDefault(BROKER_TLS, "false")), stored.getOrDefault(BROKER_USER, ""));
    }
}

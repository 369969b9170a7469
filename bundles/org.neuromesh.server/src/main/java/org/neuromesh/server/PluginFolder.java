package org.neuromesh.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Keeps the bundles installed from a folder in step with the jars in it. Call {@link #scan()} periodically.
 *
 * <p>A jar is acted on only once it looks the same in two consecutive scans, so a file still being copied is
 * never installed half-written. A jar that fails is reported once and retried only when it changes. Jars whose
 * bundle the platform already has (same symbolic name and version) are left alone: this lets the folder be the
 * product's own {@code plugins/} folder.
 */
public final class PluginFolder {

    /** What the folder needs from the framework. */
    public interface Bundles {
        /** Installs and starts a bundle from the jar; returns its id. Throws with a readable message. */
        long install(Path jar, String location) throws Exception;

        /** Replaces the content of an installed bundle with the jar and restarts it. */
        void update(long bundleId, Path jar) throws Exception;

        /** Stops and removes a bundle. */
        void uninstall(long bundleId) throws Exception;

        /** The id of the bundle installed from this location, if any (it survives a restart). */
        Long installedAt(String location);

        /** Whether a bundle with this name and version was installed by someone else than this folder. */
        boolean providedElsewhere(String symbolicName, String version, String location);

        /** Ids and locations of every bundle this folder installed, also in an earlier run. */
        Map<String, Long> installedByFolder(String locationPrefix);
    }

    private static final String LOCATION_PREFIX = "neuromesh-plugin:";

    private final Path folder;
    private final Bundles bundles;
    private final FolderReport report;
    private final Map<Path, FileState> lastSeen = new HashMap<>();
    private final Map<Path, FileState> applied = new HashMap<>();
    private final Map<Path, FileState> failed = new HashMap<>();
    private final Set<Path> platformJars = new HashSet<>();
    private boolean folderMissingReported;

    public PluginFolder(Path folder, Bundles bundles, FolderReport report) {
        this.folder = folder.toAbsolutePath().normalize();
        this.bundles = bundles;
        this.report = report;
    }

    public Path folder() {
        return folder;
    }

    /** Brings installed bundles in line with the folder's jars. Never throws: problems go to the report. */
    public synchronized void scan() {
        Map<Path, FileState> now = listJars();
        if (now == null) {
            return;
        }
        for (Map.Entry<Path, FileState> entry : now.entrySet()) {
            Path jar = entry.getKey();
            FileState state = entry.getValue();
            boolean settled = state.equals(lastSeen.get(jar));
            if (settled && !state.equals(applied.get(jar)) && !state.equals(failed.get(jar))
                    && !platformJars.contains(jar)) {
                apply(jar, state);
            }
        }
        for (Map.Entry<String, Long> installed : bundles.installedByFolder(LOCATION_PREFIX).entrySet()) {
            Path jar = Path.of(installed.getKey().substring(LOCATION_PREFIX.length()));
            if (!now.containsKey(jar)) {
                remove(jar, installed.getValue());
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        failed.keySet().retainAll(now.keySet());
        platformJars.retainAll(now.keySet());
    }

    private Map<Path, FileState> listJars() {
        if (!Files.isDirectory(folder)) {
            if (!folderMissingReported) {
                report.problem("Plug-in folder " + folder + " does not exist; create it to drop plug-ins in");
                folderMissingReported = true;
            }
            return null;
        }
        folderMissingReported = false;
        try {
            return FileState.list(folder, "*.jar");
        } catch (IOException e) {
            report.problem("Cannot read plug-in folder " + folder + ": " + e.getMessage());
            return null;
        }
    }

    private void apply(Path jar, FileState state) {
        String location = LOCATION_PREFIX + jar;
        String name = folder.relativize(jar).toString();
        try {
            String[] identity = identify(jar);
            Long existing = bundles.installedAt(location);
            if (existing == null && bundles.providedElsewhere(identity[0], identity[1], location)) {
                platformJars.add(jar);
                return;
            }
            if (existing == null) {
                bundles.install(jar, location);
                report.info("Installed plug-in " + identity[0] + " " + identity[1] + " from " + name);
            } else {
                bundles.update(existing, jar);
                report.info("Updated plug-in " + identity[0] + " " + identity[1] + " from " + name);
            }
            applied.put(jar, state);
            failed.remove(jar);
        } catch (Exception e) {
            failed.put(jar, state);
            report.problem("Plug-in " + name + " was not installed: " + e.getMessage()
                    + " (the server keeps running; fix or remove the file)");
        }
    }

    private void remove(Path jar, long bundleId) {
        try {
            bundles.uninstall(bundleId);
            report.info("Removed plug-in " + jar.getFileName() + " (its file is gone)");
        } catch (Exception e) {
            report.problem("Plug-in " + jar.getFileName() + " could not be removed: " + e.getMessage());
        }
        applied.remove(jar);
    }

    /** Symbolic name and version from the jar's manifest, or an exception saying what is wrong with it. */
    static String[] identify(Path jar) throws IOException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new IOException("not a readable jar (" + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw new IOException("not an OSGi bundle: the jar has no META-INF/MANIFEST.MF");
        }
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new IOException("not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        return new String[] { symbolicName.split(";")[0].trim(), version == null ? "0.0.0" : version.trim() };
    }
}

package org.neuromesh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTest {

    @TempDir
    Path folder;

    /** An in-memory framework: location -> symbolic name. */
    private final Map<String, String> installed = new HashMap<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final List<String> platform = new ArrayList<>(List.of("org.eclipse.osgi 3.23.200"));
    private final RecordingReport report = new RecordingReport();
    private final List<String> infos = report.infos;
    private final List<String> problems = report.problems;
    private long nextId = 10;

    private final PluginFolder.Bundles bundles = new PluginFolder.Bundles() {
        @Override
        public long install(Path jar, String location) throws Exception {
            String[] identity = PluginFolder.identify(jar);
            if (identity[0].equals("needs.missing")) {
                throw new Exception("needs.missing 1.0.0 is installed but cannot start: Unresolved requirement");
            }
            installed.put(location, identity[0]);
            ids.put(location, nextId);
            return nextId++;
        }

        @Override
        public void update(long bundleId, Path jar) throws Exception {
            infos.add("update " + bundleId);
        }

        @Override
        public void uninstall(long bundleId) {
            ids.entrySet().removeIf(e -> {
                boolean match = e.getValue() == bundleId;
                if (match) {
                    installed.remove(e.getKey());
                }
                return match;
            });
        }

        @Override
        public Long installedAt(String location) {
            return ids.get(location);
        }

        @Override
        public boolean providedElsewhere(String symbolicName, String version, String location) {
            return platform.contains(symbolicName + " " + version);
        }

        @Override
        public Map<String, Long> installedByFolder(String prefix) {
            return new HashMap<>(ids);
        }
    };

    private PluginFolder plugins;

    @BeforeEach
    void createFolderWatcher() {
        plugins = new PluginFolder(folder, bundles, report);
    }

    @Test
    void aDroppedBundleIsInstalledOnceItStoppedChanging() throws IOException {
        // given a bundle jar dropped into the folder
        bundleJar("sample.rule", "1.0.0");
        // when the folder is scanned once, the jar is not trusted yet; on the second scan it is installed
        plugins.scan();
        assertTrue(installed.isEmpty());
        plugins.scan();
        // then
        assertEquals(List.of("sample.rule"), List.copyOf(installed.values()));
        assertTrue(infos.get(0).startsWith("Installed plug-in sample.rule 1.0.0"), infos.toString());
    }

    @Test
    void aRemovedJarUninstallsItsBundle() throws IOException {
        // given an installed plug-in
        Path jar = bundleJar("sample.rule", "1.0.0");
        plugins.scan();
        plugins.scan();
        // when its file is deleted
        Files.delete(jar);
        plugins.scan();
        // then the bundle is gone
        assertTrue(installed.isEmpty());
        assertTrue(infos.get(infos.size() - 1).startsWith("Removed plug-in"), infos.toString());
    }

    @Test
    void aBrokenJarIsReportedOnceByNameAndNothingElseIsDisturbed() throws IOException {
        // given a file that is not a zip next to a good bundle
        Files.writeString(folder.resolve("broken.jar"), "this is not a jar");
        bundleJar("sample.rule", "1.0.0");
        // when scanned several times
        for (int i = 0; i < 4; i++) {
            plugins.scan();
        }
        // then the broken one is reported once, naming the file, and the good one is installed
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("broken.jar") && problems.get(0).contains("not a readable jar"),
                problems.get(0));
        assertEquals(List.of("sample.rule"), List.copyOf(installed.values()));
    }

    @Test
    void aJarWithoutBundleHeadersIsNotABundle() throws IOException {
        jar(folder.resolve("plain.jar"), new Manifest());
        plugins.scan();
        plugins.scan();
        assertTrue(problems.get(0).contains("plain.jar") && problems.get(0).contains("no Bundle-SymbolicName"),
                problems.toString());
    }

    @Test
    void aBundleThatCannotStartIsReportedWithTheFrameworksReason() throws IOException {
        bundleJar("needs.missing", "1.0.0");
        plugins.scan();
        plugins.scan();
        assertTrue(problems.get(0).contains("Unresolved requirement"), problems.toString());
    }

    @Test
    void jarsThePlatformAlreadyRunsAreLeftAlone() throws IOException {
        // given the folder is the product's plugins/ folder holding a platform bundle
        bundleJar("org.eclipse.osgi", "3.23.200");
        plugins.scan();
        plugins.scan();
        // then nothing is installed twice and nothing is reported
        assertTrue(installed.isEmpty());
        assertTrue(problems.isEmpty() && infos.isEmpty(), problems + " " + infos);
    }

    @Test
    void aMissingFolderIsReportedOnce() {
        PluginFolder missing = new PluginFolder(folder.resolve("nope"), bundles, report);
        missing.scan();
        missing.scan();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("does not exist"));
    }

    private Path bundleJar(String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
        manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
        return jar(folder.resolve(symbolicName + ".jar"), manifest);
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}

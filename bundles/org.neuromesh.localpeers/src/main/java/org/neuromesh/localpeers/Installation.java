package org.neuromesh.localpeers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The installed product local peers are started from: its folder, its configuration area (config.ini and the
 * simple configurator's bundle list), its Equinox launcher and the Java that runs it.
 */
public record Installation(Path root, Path configuration, Path launcher, Path java) {

    static final String BUNDLES_INFO = "org.eclipse.equinox.simpleconfigurator/bundles.info";

    /**
     * Finds the launcher of the product installed in {@code root}.
     *
     * @throws IOException naming what is missing: local peers start from an installed product only (not from an IDE
     *                     or a test framework)
     */
    public static Installation find(Path root, Path configuration, Path java) throws IOException {
        if (!Files.isRegularFile(configuration.resolve("config.ini"))
                || !Files.isRegularFile(configuration.resolve(BUNDLES_INFO))) {
            throw new IOException("local peers start from an installed NeuroMesh product; " + configuration
                    + " has no config.ini and bundle list");
        }
        try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
            Path launcher = plugins.filter(p -> p.getFileName().toString().matches(
                    "org\\.eclipse\\.equinox\\.launcher_.*\\.jar")).findFirst().orElseThrow(() -> new IOException(
                            "local peers start from an installed NeuroMesh product; " + root.resolve("plugins")
                                    + " has no Equinox launcher"));
            return new Installation(root, configuration, launcher, java);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("local peers start from an installed NeuroMesh product; " + root
                    + " has no plugins folder", e);
        }
    }
}

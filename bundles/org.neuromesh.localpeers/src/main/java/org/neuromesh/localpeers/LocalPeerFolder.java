package org.neuromesh.localpeers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.LocalPeerPlan;

/**
 * A local peer's folder: a configuration area of its own (the installation's config.ini and bundle list, made
 * headless with the Gogo console, as the server product is), its {@code conf/} (no broker of its own; this
 * machine's broker; its data), its NeuroMesh home (identity, own model) and workspace. Its process starts from the
 * installation's bundles with {@link #command}.
 */
public final class LocalPeerFolder {

    /** The system property a local peer gets with the process id of the peer that started it. */
    public static final String PARENT_PROPERTY = "neuromesh.local.parent";

    private final Path folder;

    private LocalPeerFolder(Path folder) {
        this.folder = folder;
    }

    /** Writes the folder for {@code plan} into {@code folder} (which must not exist). */
    public static LocalPeerFolder create(Path folder, LocalPeerPlan plan, Installation installation,
            BrokerAddress broker) throws IOException {
        Files.createDirectories(folder.getParent());
        Files.createDirectory(folder);
        LocalPeerFolder created = new LocalPeerFolder(folder);
        created.writeConfigurationArea(installation);
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("plugins"));
        Files.createDirectories(folder.resolve("home"));
        Files.writeString(conf.resolve("org.neuromesh.broker.cfg"), "mode = never\n");
        Files.writeString(conf.resolve("org.neuromesh.discovery.mqtt.cfg"), "host = 127.0.0.1\nport = "
                + broker.port() + "\ndisplayName = " + plan.name() + "\nheartbeatSeconds = 2\n");
        // one thread each: a local peer shares this machine with the peer that started it
        Files.writeString(conf.resolve("org.neuromesh.learner.cfg"), "dataset = " + plan.dataset() + "\nclasses = "
                + plan.classes().stream().map(String::valueOf).collect(Collectors.joining(",")) + "\nthreads = 1\n");
        return created;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The command starting the peer: the installation's launcher on this folder's configuration area, with the
     * Gogo console on its standard input.
     *
     * @param properties system properties passed on, e.g. where the data sets are
     */
    public List<String> command(Installation installation, long parentPid, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(installation.java().toString(), "-Xmx768m",
                "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Dneuromesh.home=" + folder.resolve("home"), "-D" + PARENT_PROPERTY + "=" + parentPid,
                "-Djava.util.logging.SimpleFormatter.format=%1$tT %4$s %3$s: %5$s%6$s%n"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", installation.launcher().toString(), "-configuration",
                folder.resolve("configuration").toString(), "-consoleLog", "-console"));
        return command;
    }

    private void writeConfigurationArea(Installation installation) throws IOException {
        Path configuration = Files.createDirectories(folder.resolve("configuration"));
        Properties ini = new Properties();
        try (Reader in = Files.newBufferedReader(installation.configuration().resolve("config.ini"),
                StandardCharsets.ISO_8859_1)) {
            ini.load(in);
        }
        // headless, as the server product: no application, the framework stays up, Gogo reads standard input
        ini.setProperty("eclipse.ignoreApp", "true");
        ini.setProperty("osgi.noShutdown", "true");
        ini.setProperty("osgi.console.enable.builtin", "org.apache.felix.gogo.shell");
        ini.setProperty("osgi.instance.area", folder.resolve("workspace").toUri().toString());
        ini.setProperty("neuromesh.config.dir", folder.resolve("conf").toString());
        ini.setProperty("neuromesh.plugins.dir", folder.resolve("plugins").toString());
        try (Writer out = Files.newBufferedWriter(configuration.resolve("config.ini"), StandardCharsets.ISO_8859_1)) {
            ini.store(out, "A local peer's configuration, written from " + installation.configuration());
        }
        Path bundles = configuration.resolve(Installation.BUNDLES_INFO);
        Files.createDirectories(bundles.getParent());
        List<String> lines = Files.readAllLines(installation.configuration().resolve(Installation.BUNDLES_INFO));
        Files.write(bundles, lines.stream().map(LocalPeerFolder::startingGogo).toList());
    }

    /** A bundle list line with the Gogo bundles started (the workbench installs them but does not start them). */
    static String startingGogo(String line) {
        String[] fields = line.split(",");
        if (fields.length == 5 && fields[0].startsWith("org.apache.felix.gogo.")) {
            return String.join(",", fields[0], fields[1], fields[2], fields[3], "true");
        }
        return line;
    }
}

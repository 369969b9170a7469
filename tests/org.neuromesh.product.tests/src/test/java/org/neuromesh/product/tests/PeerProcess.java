package org.neuromesh.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuromesh.testing.mosquitto.MosquittoBroker;
import org.neuromesh.testing.mosquitto.TestPki;

/**
 * One peer as a user runs it: a server process of the built product with its own folder (conf/, Equinox
 * configuration area, neuromesh.home with identity and outbox, plugins/), connected to a test Mosquitto over TLS with
 * a client certificate, a password and the NeuroMesh ACL. It can be killed (SIGKILL) and started again from the same
 * folder, as the same peer. Every run's console output is kept.
 */
final class PeerProcess implements AutoCloseable {

    private static final Pattern PEER_ID = Pattern.compile("peer ([0-9a-f]{8}) ready");
    private static final Pattern TRANSPORT_START = Pattern.compile("MQTT transport of \\S+ starting");

    private final Path server;
    private final Path folder;
    private final List<RunningProduct> runs = new ArrayList<>();

    private PeerProcess(Path server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    /**
     * Prepares the folder of a peer that names no broker: it starts its embedded one (on {@code embeddedPort}), as a
     * fresh install does, until it is told to connect elsewhere.
     */
    static PeerProcess prepareUnconnected(Path server, Path folder, int embeddedPort, List<String> learner)
            throws IOException {
        Path conf = layOut(server, folder, learner);
        Files.write(conf.resolve("org.neuromesh.broker.cfg"), List.of("port = " + embeddedPort));
        return new PeerProcess(server, folder);
    }

    /**
     * Prepares the folder of a peer (configuration files as a user writes them) without starting it.
     *
     * @param learner the lines of {@code org.neuromesh.learner.cfg}: which data this peer holds
     * @param autoJoin whether it joins sessions on its data set by itself
     */
    static PeerProcess prepare(Path server, Path folder, MosquittoBroker broker, String name, List<String> learner,
            boolean autoJoin) throws IOException {
        return prepare(server, folder, broker, name, learner, autoJoin, MosquittoBroker.USER, MosquittoBroker.PASSWORD);
    }

    /** As {@link #prepare(Path, Path, MosquittoBroker, String, List, boolean)}, with a broker user of its own. */
    static PeerProcess prepare(Path server, Path folder, MosquittoBroker broker, String name, List<String> learner,
            boolean autoJoin, String user, String password) throws IOException {
        Path conf = layOut(server, folder, learner);
        TestPki pki = broker.pki();
        Files.write(conf.resolve("org.neuromesh.discovery.mqtt.cfg"), List.of(
                "host = 127.0.0.1",
                "port = " + broker.tlsPort(),
                "tls = true",
                "caCertificateFile = " + pki.caCertificate(),
                "clientKeyStore = " + pki.clientKeyStore(),
                ".clientKeyStorePassword = " + TestPki.KEY_STORE_PASSWORD,
                "username = " + user,
                ".password = " + password,
                "displayName = " + name,
                "heartbeatSeconds = 2"));
        Files.write(conf.resolve("org.neuromesh.broker.cfg"), List.of("mode = never"));
        Files.write(conf.resolve("org.neuromesh.peer.cfg"), List.of("autoJoin = " + autoJoin));
        return new PeerProcess(server, folder);
    }

    /** The folders of a peer, its own Equinox configuration area and its learner's configuration. */
    private static Path layOut(Path server, Path folder, List<String> learner) throws IOException {
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("home"));
        Files.createDirectories(folder.resolve("plugins"));
        RunningProduct.copyTree(server.resolve("configuration"), folder.resolve("configuration"));
        Files.write(conf.resolve("org.neuromesh.learner.cfg"), learner);
        return conf;
    }

    /** Starts (again); see {@link #awaitReady()}. */
    PeerProcess start() throws IOException {
        String vmArgs = "-Xmx768m -Dneuromesh.home=" + folder.resolve("home") + " -Dneuromesh.config.dir="
                + folder.resolve("conf") + " -Dneuromesh.plugins.dir=" + folder.resolve("plugins");
        runs.add(RunningProduct.start(server, "neuromesh-server", Map.of("NEUROMESH_VMARGS", vmArgs),
                List.of("-configuration", folder.resolve("configuration").toString())));
        return this;
    }

    /**
     * Waits until the current run's peer runtime is up and its learner holds its data, and checks that its transport
     * started once, with the settings of its configuration folder (not first with the defaults, then again).
     */
    PeerProcess awaitReady() throws InterruptedException {
        current().awaitOutput(0, "learner ready", Duration.ofMinutes(3));
        String output = current().awaitOutput(0, " sessions on its data set", Duration.ofMinutes(1));
        long transportStarts = TRANSPORT_START.matcher(output).results().count();
        if (transportStarts != 1) {
            throw new AssertionError("the transport started " + transportStarts + " times:\n" + output);
        }
        return this;
    }

    /** Types a console command and returns what it printed, once {@code until} appeared. */
    String command(String command, String until, Duration timeout) throws IOException, InterruptedException {
        int mark = current().mark();
        current().type(command);
        return current().awaitOutput(mark, until, timeout);
    }

    /** SIGKILL, as a crash or a pulled plug: no goodbye, nothing flushed. */
    void kill() throws InterruptedException {
        current().kill();
    }

    RunningProduct current() {
        return runs.get(runs.size() - 1);
    }

    /** The short id (8 hex digits) this peer announced itself with. */
    String shortId() throws InterruptedException {
        Matcher id = PEER_ID.matcher(current().awaitOutput(0, " sessions on its data set", Duration.ofMinutes(1)));
        if (!id.find()) {
            throw new AssertionError("no peer id in the output of " + folder);
        }
        return id.group(1);
    }

    /** Everything every run of this peer printed, run after run. */
    String allOutput() {
        StringBuilder all = new StringBuilder();
        runs.forEach(run -> all.append(run.output()));
        return all.toString();
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() throws InterruptedException {
        for (RunningProduct run : runs) {
            run.close();
        }
    }
}

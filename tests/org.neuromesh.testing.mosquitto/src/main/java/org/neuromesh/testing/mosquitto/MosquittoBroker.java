package org.neuromesh.testing.mosquitto;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for tests, run as a child process on loopback: a TLS listener that requires a client
 * certificate from {@link TestPki}, users with passwords ({@code mosquitto_passwd}), the NeuroMesh ACL (each peer
 * writes only its own presence and heartbeat, anyone's inbox; reads its own inbox, broadcast, audit, presence,
 * heartbeats), persistence on, and a raised {@code max_queued_messages}; also a plain loopback listener (for
 * measurements, and for the {@link #OBSERVER}, a test's eye on every topic).
 *
 * <p>{@link #stop()} sends SIGTERM (Mosquitto saves its persistence), {@link #kill()} SIGKILL, {@link #start()} starts
 * again on the same ports with the same persistence. A failure to start throws with Mosquitto's log.
 */
public final class MosquittoBroker implements AutoCloseable {

    /** A user allowed by the password file, with its password. */
    public static final String USER = "peer";
    public static final String PASSWORD = "peer-secret";
    /** A user who may read and write every topic: tests watch all traffic and inject bad messages with it. */
    public static final String OBSERVER = "observer";
    public static final String OBSERVER_PASSWORD = "observer-secret";
    /** The topic root the ACL is written for. */
    public static final String ROOT = "neuromesh/v1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path directory;
    private final TestPki pki;
    private final int tlsPort;
    private final int plainPort;
    private final Path log;
    private Process process;

    /** Users of a broker that binds client ids to user names (name to password); empty: the shared {@link #USER}. */
    private final Map<String, String> ownUsers;

    private MosquittoBroker(Path directory, TestPki pki, int tlsPort, int plainPort, Map<String, String> ownUsers) {
        this.ownUsers = Map.copyOf(ownUsers);
        this.directory = directory;
        this.pki = pki;
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.log = directory.resolve("mosquitto.log");
    }

    /** Writes the configuration, certificates, password and ACL files into {@code directory} and starts. */
    public static MosquittoBroker start(Path directory) throws IOException, InterruptedException {
        return start(directory, Map.of());
    }

    /**
     * Starts a broker configured as the README advises for peers that do not trust each other: every peer has a
     * user of its own, named by its peer id, the client id is always the user name ({@code use_username_as_clientid}),
     * and the ACL is written with {@code %u}. So no client can take over another's client id and session.
     *
     * @param users user name (a peer id, or any name for an outsider) to password
     */
    public static MosquittoBroker startBindingClientIds(Path directory, Map<String, String> users)
            throws IOException, InterruptedException {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a broker that binds client ids to users needs users");
        }
        return start(directory, users);
    }

    private static MosquittoBroker start(Path directory, Map<String, String> ownUsers)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path pkiDirectory = Files.createDirectories(directory.resolve("pki"));
        TestPki pki = TestPki.create(pkiDirectory);
        int[] ports = twoFreePorts();
        MosquittoBroker broker = new MosquittoBroker(directory, pki, ports[0], ports[1], ownUsers);
        broker.writeFiles();
        broker.start();
        return broker;
    }

    /** Starts (again) and waits until both ports accept connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is already running");
        }
        process = new ProcessBuilder("mosquitto", "-c", directory.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(accepts(tlsPort) && accepts(plainPort))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not start on ports " + tlsPort + "/" + plainPort + ":\n"
                        + diagnostics());
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM: Mosquitto disconnects everyone and saves its persistence. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** SIGKILL: Mosquitto dies without saving. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Stops and starts on the same ports with the same persistence. */
    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return plainPort;
    }

    public TestPki pki() {
        return pki;
    }

    /** Arguments for {@code mosquitto_pub}/{@code mosquitto_sub} on the plain listener, logged in. */
    public List<String> plainClientArguments() {
        return new ArrayList<>(List.of("-h", "127.0.0.1", "-p", Integer.toString(plainPort), "-u", USER, "-P",
                PASSWORD));
    }

    /** The URI of the plain listener, e.g. for the {@link #OBSERVER}'s client. */
    public String plainUri() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    /** Mosquitto's log and console output, for failure messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("mosquitto.out", "mosquitto.log")) {
            Path file = directory.resolve(name);
            try {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file);
                    text.append("--- ").append(name).append(" (last 60 lines) ---\n");
                    lines.subList(Math.max(0, lines.size() - 60), lines.size())
                            .forEach(line -> text.append(line).append('\n'));
                }
            } catch (IOException e) {
                text.append("cannot read ").append(file).append(": ").append(e).append('\n');
            }
        }
        return text.toString();
    }

    /** The broker's log so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void writeFiles() throws IOException, InterruptedException {
        Path passwords = directory.resolve("passwd");
        Files.writeString(passwords, "");
        boolean bound = !ownUsers.isEmpty();
        if (bound) {
            for (Map.Entry<String, String> user : ownUsers.entrySet()) {
                passwd(passwords, user.getKey(), user.getValue());
            }
        } else {
            passwd(passwords, USER, PASSWORD);
        }
        passwd(passwords, OBSERVER, OBSERVER_PASSWORD);
        // %c is the client id = the peer id; bound to the user, %u is the same and cannot be chosen by the client
        String me = bound ? "%u" : "%c";
        Path acl = directory.resolve("acl");
        Files.writeString(acl, String.join("\n",
                "# every client (pattern lines apply to all users)",
                "pattern write " + ROOT + "/presence/" + me,
                "pattern write " + ROOT + "/heartbeat/" + me,
                "pattern readwrite " + ROOT + "/ping/" + me,
                "pattern write " + ROOT + "/inbox/+",
                "pattern read " + ROOT + "/inbox/" + me,
                "pattern readwrite " + ROOT + "/broadcast",
                "pattern readwrite " + ROOT + "/audit",
                "pattern read " + ROOT + "/presence/+",
                "pattern read " + ROOT + "/heartbeat/+",
                "# measurements on their own topics",
                "pattern readwrite bench/#",
                "user " + OBSERVER,
                "topic readwrite #", ""));
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(directory.resolve("mosquitto.conf"), String.join("\n",
                "user root",
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + passwords,
                "acl_file " + acl,
                "persistence true",
                "persistence_location " + data + "/",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "# Mosquitto leaves Nagle's algorithm on by default: small QoS 1 exchanges then wait ~40 ms",
                "set_tcp_nodelay true",
                "log_dest file " + log,
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "connection_messages true",
                "log_timestamp_format %H:%M:%S",
                "listener " + tlsPort + " 127.0.0.1",
                // a listener's own setting (before any listener line it would open a default one on 1883)
                "use_username_as_clientid " + bound,
                "cafile " + pki.caCertificate(),
                "certfile " + pki.serverCertificate(),
                "keyfile " + pki.serverKey(),
                "require_certificate true",
                "listener " + plainPort + " 127.0.0.1",
                "use_username_as_clientid " + bound, ""));
    }

    private static void passwd(Path file, String user, String password) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + output);
        }
    }

    /**
     * Both sockets stay open until both ports are known: asked one after the other, the system may hand out the
     * port it just freed again, and Mosquitto would then fail to open its second listener (seen in CI).
     */
    private static int[] twoFreePorts() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket first = new ServerSocket(0, 1, loopback);
                ServerSocket second = new ServerSocket(0, 1, loopback)) {
            return new int[] { first.getLocalPort(), second.getLocalPort() };
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

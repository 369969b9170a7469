package org.neuromesh.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.MVStoreException;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;

/**
 * An MQTT 3.1.1 broker (Moquette 0.17) inside this JVM: the zero-setup default through which the peers of one
 * machine find each other. Plain Java; {@code internal.EmbeddedBrokerComponent} runs it under Config Admin.
 * <ul>
 * <li><b>No telemetry.</b> Moquette reports usage to its authors unless told not to; this broker never does.</li>
 * <li><b>Persistence.</b> Sessions, subscriptions, retained messages and the QoS 1 messages queued for offline
 * persistent sessions live in one H2 MVStore file in the data directory, committed every
 * {@value #COMMIT_INTERVAL_SECONDS} s and on {@link #stop()}. They survive a restart with the same directory; a
 * crash loses at most the last second. Only one broker at a time can use a directory.</li>
 * <li><b>Largest message: {@value #MAX_MESSAGE_BYTES} bytes</b> (8 MiB). Enough for the float32 weights of a whole
 * 784-1024-1024-10 network (7.5 MB) in one capsule; Moquette's own default (8 kB) is far too small for capsules.
 * A larger message closes the sender's connection.</li>
 * <li><b>Anonymous clients only on loopback.</b> Without a password file the broker accepts clients without
 * credentials, so it only listens on a loopback address (127.0.0.1, ::1, localhost): only programs on this
 * machine can reach it. Any other address (e.g. 0.0.0.0 to serve a LAN) needs a password file, and then every
 * client must log in. Traffic is not encrypted; between machines a Mosquitto broker with TLS is the better
 * choice.</li>
 * </ul>
 * One instance runs one broker at a time; it can be started again after {@link #stop()}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Largest MQTT message the broker accepts, in bytes (8 MiB). */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** How often the store is committed to disk while the broker runs. */
    public static final int COMMIT_INTERVAL_SECONDS = 1;

    private static final int FREE_PORT_ATTEMPTS = 5;

    /**
     * Moquette reports at INFO what it configures, and logs a failed bind with a stack trace before this class
     * explains it in a {@link BrokerException}. Quieted here unless the user set a level for these loggers; held
     * so that java.util.logging keeps the setting.
     */
    private static final Logger MOQUETTE_LOG = Logger.getLogger("io.moquette");
    private static final Logger MOQUETTE_ACCEPTOR_LOG = Logger.getLogger("io.moquette.broker.NewNettyAcceptor");

    private Server server;
    private String host;
    private int boundPort;

    public EmbeddedBroker() {
        quiet(MOQUETTE_LOG, Level.WARNING);
        quiet(MOQUETTE_ACCEPTOR_LOG, Level.OFF);
    }

    /**
     * Starts the broker without a password file: {@code host} must be a loopback address.
     *
     * @param host address to listen on, e.g. 127.0.0.1
     * @param port TCP port; 0 picks a free one ({@link #port()} tells which)
     * @param dataDirectory where the broker keeps its store; created if missing
     * @throws BrokerException with a message naming the problem and what to change
     */
    public synchronized void start(String host, int port, Path dataDirectory) throws BrokerException {
        start(host, port, dataDirectory, null);
    }

    /**
     * Starts the broker.
     *
     * @param passwordFile the users, in the format of {@link PasswordFile} (salted, slow hashes; '#' starts a comment
     *            line); {@code null} lets anonymous clients in and is allowed on loopback addresses only
     * @throws BrokerException with a message naming the problem and what to change
     * @throws IllegalStateException if this broker is already running
     */
    public synchronized void start(String host, int port, Path dataDirectory, Path passwordFile)
            throws BrokerException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (server != null) {
            throw new IllegalStateException("The embedded MQTT broker is already running on " + this.host + ":"
                    + port());
        }
        if (port < 0 || port > 65535) {
            throw new BrokerException("Port " + port + " is not a TCP port; use 1-65535 (0 picks a free port)");
        }
        InetAddress address = resolve(host);
        if (passwordFile == null && !address.isLoopbackAddress()) {
            throw new BrokerException("The embedded MQTT broker lets clients in without a password, so it listens "
                    + "only on a loopback address (127.0.0.1, ::1); '" + host + "' is not one. Use 127.0.0.1, or "
                    + "give a password file to serve other machines");
        }
        PasswordFile users = passwordFile == null ? null : PasswordFile.load(passwordFile);
        Path data = prepare(dataDirectory);
        if (port != 0) {
            this.server = startOn(host, port, data, users);
            this.boundPort = port;
        } else {
            startOnAFreePort(address, host, data, users);
        }
        this.host = host;
    }

    /**
     * Moquette 0.17 learns the port the system chose for port 0 from a Netty listener and sometimes never reports
     * it (seen in CI: still 0 after 5 s). So the broker asks the system for a free port itself and hands Moquette
     * a definite one; another program may take it in between, and then the next free port is tried.
     */
    private void startOnAFreePort(InetAddress address, String host, Path data, PasswordFile users)
            throws BrokerException {
        BrokerException lastTaken = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            int free = freePort(address);
            try {
                this.server = startOn(host, free, data, users);
                this.boundPort = free;
                return;
            } catch (PortInUseException e) {
                lastTaken = e;
            }
        }
        throw new BrokerException("No free port found on " + host + " in " + FREE_PORT_ATTEMPTS + " attempts; "
                + "choose a port in the settings", lastTaken);
    }

    private static Server startOn(String host, int port, Path data, PasswordFile users) throws BrokerException {
        Server candidate = new Server();
        try {
            // users checked here rather than by Moquette, whose password file holds unsalted SHA-256 hashes
            IAuthenticator authenticator = users == null ? null
                    : (clientId, user, password) -> users.matches(user, password);
            candidate.startServer(new MemoryConfig(moquetteProperties(host, port, data, users != null)), null, null,
                    authenticator, null);
            return candidate;
        } catch (IOException | RuntimeException e) {
            if (find(e, MVStoreException.class) == null) {
                // the store was opened and threads started before the failure (e.g. the port was taken)
                stopQuietly(candidate);
            }
            throw explain(e, host, port, data);
        }
    }

    private static int freePort(InetAddress address) throws BrokerException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new BrokerException("Cannot listen on " + address.getHostAddress() + " (" + e.getMessage()
                    + "); is it an address of this machine?", e);
        }
    }

    /** The port the running broker listens on (the chosen one when started with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The embedded MQTT broker is not running");
        }
        return boundPort;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Closes all connections, commits the store and frees the port. Does nothing if not running. */
    public synchronized void stop() {
        Server running = server;
        server = null;
        host = null;
        if (running != null) {
            running.stopServer();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Moquette's configuration for these settings; the choices are explained in the class comment. */
    static Properties moquetteProperties(String host, int port, Path dataDirectory, boolean withPasswords) {
        Properties p = new Properties();
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("persistence_enabled", "true");
        p.setProperty("data_path", dataDirectory.toString());
        p.setProperty("persistent_queue_type", "h2");
        p.setProperty("autosave_interval", Integer.toString(COMMIT_INTERVAL_SECONDS));
        p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty("allow_anonymous", Boolean.toString(!withPasswords));
        p.setProperty("password_file", ""); // the users are checked by a PasswordFile
        return p;
    }

    private static InetAddress resolve(String host) throws BrokerException {
        if (host.isBlank()) {
            throw new BrokerException("No host to listen on; use 127.0.0.1");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrokerException("Unknown host '" + host + "' for the embedded MQTT broker; use an address of "
                    + "this machine, e.g. 127.0.0.1");
        }
    }

    private static Path prepare(Path dataDirectory) throws BrokerException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BrokerException("Cannot create the broker's data directory " + directory + " (" + reason(e)
                    + "); choose a writable directory");
        }
        if (!Files.isWritable(directory)) {
            throw new BrokerException("The broker's data directory " + directory + " is not writable; choose a "
                    + "writable directory");
        }
        return directory;
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        return e.toString();
    }

    private static BrokerException explain(Exception failure, String host, int port, Path data) {
        BindException bind = find(failure, BindException.class);
        if (bind != null && String.valueOf(bind.getMessage()).contains("in use")) {
            return new PortInUseException("Port " + port + " on " + host + " is already in use (by another MQTT broker "
                    + "such as Mosquitto, or a second NeuroMesh server?); choose another port or stop the other "
                    + "program", failure);
        }
        if (bind != null) {
            return new BrokerException("Cannot listen on " + host + ":" + port + " (" + bind.getMessage() + "); is "
                    + host + " an address of this machine?", failure);
        }
        MVStoreException store = find(failure, MVStoreException.class);
        if (store != null) {
            return new BrokerException("Cannot open the broker's store in " + data + " (" + store.getMessage()
                    + "); another broker may be using this data directory: stop it or choose another directory",
                    failure);
        }
        return new BrokerException("The embedded MQTT broker could not start on " + host + ":" + port + ": "
                + failure, failure);
    }

    /** The port was taken: worth another try when the broker chose the port itself. */
    private static final class PortInUseException extends BrokerException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static void stopQuietly(Server partlyStarted) {
        try {
            partlyStarted.stopServer();
        } catch (RuntimeException e) {
            // nothing more to release: the start failure is what the caller needs to see
        }
    }

    private static void quiet(Logger logger, Level level) {
        if (logger.getLevel() == null) {
            logger.setLevel(level);
        }
    }
}

package org.neuromesh.discovery.mqtt;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.crypto.WireFormat;

/**
 * Validated settings of one MQTT transport. Every check failure is an {@link IllegalArgumentException} whose
 * message names the configuration property and the value that was refused (never a password).
 *
 * <p>The property names are those of the configuration PID {@code org.neuromesh.discovery.mqtt}.
 */
public final class MqttSettings {

    /** Host used when {@code host} is blank: the embedded broker on this machine. */
    public static final String EMBEDDED_HOST = "127.0.0.1";
    /** Default topic root. */
    public static final String DEFAULT_TOPIC_ROOT = "neuromesh/v1";
    /** Default outbox folder; {@code ${neuromesh.home}} and {@code ${peerId}} are expanded. */
    public static final String DEFAULT_OUTBOX = "${neuromesh.home}/outbox/${peerId}";

    private final String host;
    private final boolean embeddedHost;
    private final int port;
    private final boolean tls;
    private final Path caCertificateFile;
    private final Path clientKeyStore;
    private final char[] clientKeyStorePassword;
    private final String username;
    private final char[] password;
    private final String topicRoot;
    private final String displayName;
    private final Set<String> capabilities;
    private final Duration heartbeatInterval;
    private final int missedHeartbeats;
    private final int keepAliveSeconds;
    private final Path outboxDirectory;
    private final int maxMessageBytes;

    private MqttSettings(Builder b) {
        embeddedHost = b.host == null || b.host.isBlank();
        host = embeddedHost ? EMBEDDED_HOST : checkHost(b.host.trim());
        port = check("port", b.port, b.port >= 1 && b.port <= 65535, "is not a TCP port (1-65535)");
        tls = b.tls;
        caCertificateFile = optionalFile("caCertificateFile", b.caCertificateFile);
        clientKeyStore = optionalFile("clientKeyStore", b.clientKeyStore);
        clientKeyStorePassword = b.clientKeyStorePassword == null ? new char[0] : b.clientKeyStorePassword.clone();
        if (!tls && (caCertificateFile != null || clientKeyStore != null)) {
            throw new IllegalArgumentException("tls: certificates are configured (caCertificateFile/clientKeyStore) "
                    + "but tls is false; set tls = true or remove them");
        }
        username = b.username == null || b.username.isBlank() ? null : b.username.trim();
        password = b.password == null ? new char[0] : b.password.clone();
        if (username == null && password.length > 0) {
            throw new IllegalArgumentException("username: a password is configured but no username");
        }
        if (username != null && !tls && !isLoopback(host) && !b.allowPlainCredentials) {
            throw new IllegalArgumentException("username: the password for " + username + " would cross the network"
                    + " unencrypted to " + host + ":" + port + "; set tls = true (the broker's TLS port, often"
                    + " 8883), or allowPlainCredentials = true if this network is trusted");
        }
        topicRoot = checkTopicRoot(b.topicRoot == null ? DEFAULT_TOPIC_ROOT : b.topicRoot.trim());
        displayName = b.displayName == null ? "" : b.displayName.trim();
        if (displayName.length() > PresenceBody.MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("displayName: '" + displayName + "' is longer than "
                    + PresenceBody.MAX_TEXT_CHARS + " characters");
        }
        capabilities = checkCapabilities(b.capabilities);
        check("heartbeatSeconds", b.heartbeatSeconds, b.heartbeatSeconds >= 1 && b.heartbeatSeconds <= 3600,
                "must be 1 to 3600");
        heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : Duration.ofSeconds(b.heartbeatSeconds);
        missedHeartbeats = check("missedHeartbeats", b.missedHeartbeats,
                b.missedHeartbeats >= 1 && b.missedHeartbeats <= 100, "must be 1 to 100");
        keepAliveSeconds = check("keepAliveSeconds", b.keepAliveSeconds,
                b.keepAliveSeconds >= 1 && b.keepAliveSeconds <= 3600, "must be 1 to 3600");
        outboxDirectory = Objects.requireNonNull(b.outboxDirectory, "outboxDirectory");
        if (Files.exists(outboxDirectory) && !Files.isDirectory(outboxDirectory)) {
            throw new IllegalArgumentException("outboxDirectory: '" + outboxDirectory + "' is a file, not a folder");
        }
        maxMessageBytes = check("maxMessageBytes", b.maxMessageBytes,
                b.maxMessageBytes >= 1024 && b.maxMessageBytes <= 256 << 20, "must be 1024 to 268435456 bytes");
    }

    /** A builder with the defaults of the configuration PID; only the outbox folder must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Expands an outbox folder template: {@code ${neuromesh.home}} becomes the system property
     * {@code neuromesh.home} (default {@code ${user.home}/.neuromesh}), {@code ${peerId}} the peer's id.
     *
     * @throws IllegalArgumentException naming {@code outboxDirectory} if the result is not a path
     */
    public static Path outboxDirectory(String template, PeerId self) {
        String value = template == null || template.isBlank() ? DEFAULT_OUTBOX : template.trim();
        String home = System.getProperty("neuromesh.home",
                Path.of(System.getProperty("user.home"), ".neuromesh").toString());
        String expanded = value.replace("${neuromesh.home}", home).replace("${peerId}", self.value());
        if (expanded.contains("${")) {
            throw new IllegalArgumentException("outboxDirectory: '" + value
                    + "' has an unknown ${...} variable (known: ${neuromesh.home}, ${peerId})");
        }
        try {
            return Path.of(expanded).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("outboxDirectory: '" + value + "' is not a path: " + e.getMessage());
        }
    }

    /** Splits a comma-separated capability list, dropping blanks. */
    public static Set<String> parseCapabilities(String commaSeparated) {
        Set<String> result = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(result::add);
        }
        return result;
    }

    public String host() {
        return host;
    }

    /** True when {@code host} was blank, i.e. the embedded broker on this machine is meant. */
    public boolean embeddedHost() {
        return embeddedHost;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    /** PEM file of the CA certificate(s) to trust, or {@code null} for the JVM's default trust store. */
    public Path caCertificateFile() {
        return caCertificateFile;
    }

    /** PKCS#12 file with this client's certificate and private key, or {@code null} for none. */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    char[] clientKeyStorePassword() {
        return clientKeyStorePassword.clone();
    }

    /** The broker login, or {@code null} for an anonymous connection. */
    public String username() {
        return username;
    }

    char[] password() {
        return password.clone();
    }

    /** The broker's address as Paho takes it, e.g. {@code ssl://broker.example.org:8883}. */
    public String serverUri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "ssl://" : "tcp://") + literal + ":" + port;
    }

    public String topicRoot() {
        return topicRoot;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> capabilities() {
        return capabilities;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public int missedHeartbeats() {
        return missedHeartbeats;
    }

    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    public Path outboxDirectory() {
        return outboxDirectory;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Everything but the passwords. */
    @Override
    public String toString() {
        return "MqttSettings[" + serverUri() + (embeddedHost ? " (embedded)" : "") + ", user="
                + (username == null ? "-" : username) + ", ca=" + caCertificateFile + ", clientKeyStore="
                + clientKeyStore + ", root=" + topicRoot + ", heartbeat=" + heartbeatInterval.toMillis() + " ms x "
                + missedHeartbeats + ", outbox=" + outboxDirectory + ", maxMessageBytes=" + maxMessageBytes + "]";
    }

    private static int check(String property, int value, boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException(property + ": " + value + " " + problem);
        }
        return value;
    }

    /** Whether {@code host} is this machine by its name or a loopback literal; no name is looked up. */
    static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static String checkHost(String host) {
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]_]+")) {
            throw new IllegalArgumentException("host: '" + host + "' is not a host name or IP address");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Path optionalFile(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(property + ": '" + value + "' is not a path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(property + ": '" + value + "' is not a readable file");
        }
        return path;
    }

    private static String checkTopicRoot(String root) {
        if (root.isEmpty() || root.startsWith("/") || root.endsWith("/") || root.contains("//")
                || root.contains("+") || root.contains("#") || root.contains("\u0000") || root.startsWith("$")) {
            throw new IllegalArgumentException("topicRoot: '" + root
                    + "' must be non-empty, without wildcards, '$' at the start, or empty levels");
        }
        return root;
    }

    private static Set<String> checkCapabilities(Set<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String capability = value.trim();
            if (capability.isEmpty() || capability.length() > PresenceBody.MAX_TEXT_CHARS) {
                throw new IllegalArgumentException("capabilities: '" + value + "' must have 1 to "
                        + PresenceBody.MAX_TEXT_CHARS + " characters");
            }
            result.add(capability);
        }
        if (result.size() > PresenceBody.MAX_CAPABILITIES) {
            throw new IllegalArgumentException("capabilities: " + result.size() + " entries, more than "
                    + PresenceBody.MAX_CAPABILITIES);
        }
        return Set.copyOf(result);
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private String host = "";
        private int port = 1883;
        private boolean tls;
        private String caCertificateFile;
        private String clientKeyStore;
        private char[] clientKeyStorePassword;
        private String username;
        private char[] password;
        private boolean allowPlainCredentials;
        private String topicRoot = DEFAULT_TOPIC_ROOT;
        private String displayName = "";
        private Set<String> capabilities = Set.of();
        private int heartbeatSeconds = 5;
        private Duration heartbeatInterval;
        private int missedHeartbeats = 3;
        private int keepAliveSeconds = 30;
        private Path outboxDirectory;
        private int maxMessageBytes = WireFormat.DEFAULT_MAX_MESSAGE_BYTES;

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        public Builder caCertificateFile(String value) {
            caCertificateFile = value;
            return this;
        }

        public Builder clientKeyStore(String file, char[] keyStorePassword) {
            clientKeyStore = file;
            clientKeyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
            return this;
        }

        public Builder credentials(String user, char[] secret) {
            username = user;
            password = secret == null ? null : secret.clone();
            return this;
        }

        /** Lets a username and password go to a broker beyond this machine without TLS (default: refused). */
        public Builder allowPlainCredentials(boolean value) {
            allowPlainCredentials = value;
            return this;
        }

        public Builder topicRoot(String value) {
            topicRoot = value;
            return this;
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder capabilities(Set<String> value) {
            capabilities = Set.copyOf(value);
            return this;
        }

        public Builder heartbeatSeconds(int value) {
            heartbeatSeconds = value;
            heartbeatInterval = null;
            return this;
        }

        /** A heartbeat interval below one second, for tests that watch peers time out. */
        public Builder heartbeatInterval(Duration value) {
            if (value.isNegative() || value.toMillis() < 50) {
                throw new IllegalArgumentException("heartbeatInterval: " + value + " is shorter than 50 ms");
            }
            heartbeatInterval = value;
            return this;
        }

        public Builder missedHeartbeats(int value) {
            missedHeartbeats = value;
            return this;
        }

        public Builder keepAliveSeconds(int value) {
            keepAliveSeconds = value;
            return this;
        }

        public Builder outboxDirectory(Path value) {
            outboxDirectory = value;
            return this;
        }

        public Builder maxMessageBytes(int value) {
            maxMessageBytes = value;
            return this;
        }

        public MqttSettings build() {
            return new MqttSettings(this);
        }
    }
}

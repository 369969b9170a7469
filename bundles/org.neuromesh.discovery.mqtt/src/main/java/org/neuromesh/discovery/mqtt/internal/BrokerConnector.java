package org.neuromesh.discovery.mqtt.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerFiles;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.MqttTransport;

/**
 * What {@link org.neuromesh.api.network.BrokerConnection#connect} does, without OSGi: checks the address, hands the
 * passwords over in memory, applies the address (and files) as configuration (which re-creates the transport), and
 * waits for the new transport's first verdict. Plain, so that tests run it against a real broker with a real
 * transport.
 */
final class BrokerConnector {

    /** Applies configuration properties of the transport's PID (Config Admin in the product); null removes one. */
    interface Configuration {
        void apply(Map<String, Object> properties) throws IOException;
    }

    private static final Logger LOG = System.getLogger(BrokerConnector.class.getName());
    private static final long LOOK_EVERY_MILLIS = 50;

    private final CredentialHandover handover;
    private final Configuration configuration;

    BrokerConnector(CredentialHandover handover, Configuration configuration) {
        this.handover = handover;
        this.configuration = configuration;
    }

    /** See {@link org.neuromesh.api.network.BrokerConnection#connect(BrokerAddress, char[], Duration)}. */
    TransportState connect(BrokerAddress address, char[] password, boolean allowPlainCredentials, Duration wait)
            throws InterruptedException {
        return connect(address, null, password, null, allowPlainCredentials, wait);
    }

    /**
     * See {@link org.neuromesh.api.network.BrokerConnection#connect(BrokerAddress, BrokerFiles, char[], char[],
     * Duration)}; {@code files} {@code null} leaves the configured files alone.
     */
    TransportState connect(BrokerAddress address, BrokerFiles files, char[] password, char[] keyStorePassword,
            boolean allowPlainCredentials, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<String> refused = check(address, files, password, keyStorePassword, allowPlainCredentials);
        if (refused.isPresent()) {
            return failed(address, "settings refused: " + refused.get());
        }
        long attempt = handover.offer(address, password, keyStorePassword);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("host", address.host());
        properties.put("port", address.port());
        properties.put("tls", address.tls());
        properties.put("username", address.username());
        // a password put into the configuration earlier belongs to the old address, and Config Admin keeps it in a
        // plain file
        properties.put(".password", null);
        if (files != null) {
            properties.put("caCertificateFile", files.caCertificateFile());
            properties.put("clientKeyStore", files.clientKeyStore());
            properties.put("passwordFile", files.passwordFile());
            properties.put("clientKeyStorePasswordFile", files.clientKeyStorePasswordFile());
            properties.put(".clientKeyStorePassword", null);
        }
        properties.put(CredentialHandover.ATTEMPT, attempt);
        try {
            configuration.apply(properties);
        } catch (IOException | RuntimeException e) {
            return failed(address, "the new settings could not be saved: " + e.getMessage());
        }
        LOG.log(Level.INFO, "connecting to " + address.uri() + (address.username().isEmpty() ? " anonymously"
                : " as " + address.username()));
        Optional<MqttTransport> transport = handover.awaitStarted(attempt, left(deadline));
        if (transport.isEmpty()) {
            return failed(address, "the MQTT transport did not start with the new settings within "
                    + wait.toSeconds() + " s (see the log)");
        }
        TransportState state = transport.get().state();
        while (!state.connected() && state.problem().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(LOOK_EVERY_MILLIS);
            state = transport.get().state();
        }
        if (state.connected()) {
            LOG.log(Level.INFO, "connected to " + state.endpoint());
            return state;
        }
        // the transport goes on retrying in the background; this is the answer a user waits for
        return failed(address, state.problem().isEmpty() ? "no answer from the broker within " + wait.toSeconds()
                + " s; still trying" : state.problem());
    }

    /** Why these settings cannot work, the way the transport would refuse them, or empty. */
    static Optional<String> check(BrokerAddress address, char[] password, boolean allowPlainCredentials) {
        return check(address, null, password, null, allowPlainCredentials);
    }

    /**
     * As {@link #check(BrokerAddress, char[], boolean)}, with the files too (when not {@code null}): those named are
     * read as the transport would read them, so that a missing file or one open to others is refused here, before
     * the running connection is touched.
     */
    static Optional<String> check(BrokerAddress address, BrokerFiles files, char[] password, char[] keyStorePassword,
            boolean allowPlainCredentials) {
        char[] secret = null;
        char[] keyStoreSecret = null;
        try {
            MqttSettings.Builder settings = MqttSettings.builder().host(address.host()).port(address.port())
                    .tls(address.tls()).allowPlainCredentials(allowPlainCredentials)
                    .outboxDirectory(Path.of(System.getProperty("java.io.tmpdir")));
            if (files == null) {
                secret = password;
            } else {
                secret = given(password) ? password.clone()
                        : ConfiguredSecret.read(files.passwordFile(), "passwordFile", "");
                keyStoreSecret = given(keyStorePassword) ? keyStorePassword.clone()
                        : ConfiguredSecret.read(files.clientKeyStorePasswordFile(), "clientKeyStorePasswordFile", "");
                settings.caCertificateFile(files.caCertificateFile())
                        .clientKeyStore(files.clientKeyStore(), keyStoreSecret);
            }
            settings.credentials(address.username(), secret).build();
            return Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of(e.getMessage());
        } finally {
            if (files != null) {
                wipe(secret);
                wipe(keyStoreSecret);
            }
        }
    }

    private static boolean given(char[] secret) {
        return secret != null && secret.length > 0;
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private static TransportState failed(BrokerAddress address, String problem) {
        LOG.log(Level.WARNING, "cannot connect to " + address.uri() + ": " + problem);
        return new TransportState(false, address.uri(), Instant.now(), problem, Duration.ZERO);
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}

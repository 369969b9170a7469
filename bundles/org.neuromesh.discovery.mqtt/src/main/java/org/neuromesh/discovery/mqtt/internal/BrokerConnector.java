package org.neuromesh.discovery.mqtt.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.MqttTransport;

/**
 * What {@link org.neuromesh.api.network.BrokerConnection#connect} does, without OSGi: checks the address, hands the
 * password over in memory, applies the address as configuration (which re-creates the transport), and waits for the
 * new transport's first verdict. Plain, so that tests run it against a real broker with a real transport.
 */
final class BrokerConnector {

    /** Applies configuration properties of the transport's PID (Config Admin in the product). */
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

    /** See {@link org.neuromesh.api.network.BrokerConnection#connect}. */
    TransportState connect(BrokerAddress address, char[] password, boolean allowPlainCredentials, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<String> refused = check(address, password, allowPlainCredentials);
        if (refused.isPresent()) {
            return failed(address, "settings refused: " + refused.get());
        }
        long attempt = handover.offer(address, password);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("host", address.host());
        properties.put("port", address.port());
        properties.put("tls", address.tls());
        properties.put("username", address.username());
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
        try {
            MqttSettings.builder().host(address.host()).port(address.port()).tls(address.tls())
                    .credentials(address.username(), password).allowPlainCredentials(allowPlainCredentials)
                    .outboxDirectory(Path.of(System.getProperty("java.io.tmpdir"))).build();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
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

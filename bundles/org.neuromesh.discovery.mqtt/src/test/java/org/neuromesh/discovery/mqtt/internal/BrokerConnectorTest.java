package org.neuromesh.discovery.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.MqttTransport;
import org.neuromesh.discovery.mqtt.testing.Identities;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * The connect logic of {@link BrokerConnectionComponent} against a real Mosquitto (passwords, ACL) with real
 * transports; only Config Admin and SCR are replaced: applying a configuration here starts a transport the way the
 * transport component does, taking the password from the handover.
 */
class BrokerConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path shared;
    private static MosquittoBroker broker;

    @TempDir
    Path work;
    private final PeerSecurity security = Identities.fresh();
    private final CredentialHandover handover = new CredentialHandover();
    private final List<Map<String, Object>> applied = new ArrayList<>();
    private final List<MqttTransport> transports = new ArrayList<>();
    private final BrokerConnector connector = new BrokerConnector(handover, this::startTransport);

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.start(shared.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeTransports() {
        transports.forEach(MqttTransport::close);
    }

    /** What SCR and the transport component do when the configuration changes. */
    private void startTransport(Map<String, Object> properties) throws IOException {
        applied.add(Map.copyOf(properties));
        transports.forEach(MqttTransport::close);
        String host = (String) properties.get("host");
        int port = (Integer) properties.get("port");
        boolean tls = (Boolean) properties.get("tls");
        String user = (String) properties.get("username");
        char[] password = handover.passwordFor(host, port, tls, user).orElse(new char[0]);
        MqttTransport transport = MqttTransport.start(MqttSettings.builder().host(host).port(port).tls(tls)
                .credentials(user, password).outboxDirectory(work.resolve("outbox")).build(), security);
        transports.add(transport);
        handover.started((Long) properties.get(CredentialHandover.ATTEMPT), transport);
    }

    @Test
    void givenTheRightPassword_whenConnecting_thenConnectedAndThePasswordIsNotInTheConfiguration()
            throws Exception {
        TransportState state = connector.connect(new BrokerAddress("127.0.0.1", broker.plainPort(), false,
                MosquittoBroker.USER), MosquittoBroker.PASSWORD.toCharArray(), false, WAIT);

        assertTrue(state.connected(), state::toString);
        assertEquals("tcp://127.0.0.1:" + broker.plainPort(), state.endpoint());
        assertEquals(1, applied.size());
        assertEquals(MosquittoBroker.USER, applied.get(0).get("username"));
        assertFalse(applied.get(0).values().stream().anyMatch(value -> String.valueOf(value)
                .contains(MosquittoBroker.PASSWORD)), () -> "no password in the configuration: " + applied);
    }

    @Test
    void givenAWrongPassword_whenConnecting_thenNotConnectedAndTheProblemSaysTheLoginWasRefused()
            throws Exception {
        TransportState state = connector.connect(new BrokerAddress("127.0.0.1", broker.plainPort(), false,
                MosquittoBroker.USER), "wrong".toCharArray(), false, WAIT);

        assertFalse(state.connected());
        assertTrue(state.problem().contains("the broker refused the login of user 'peer'"), state::toString);
        assertFalse(state.problem().contains("wrong"), "never the password: " + state);
    }

    @Test
    void givenAPortWhereNoBrokerListens_whenConnecting_thenNotConnectedWithTheReasonWithinTheWait()
            throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long started = System.nanoTime();
        TransportState state = connector.connect(new BrokerAddress("127.0.0.1", closed, false, ""), null, false,
                WAIT);

        assertFalse(state.connected());
        assertEquals("no broker answers at 127.0.0.1:" + closed + " (connection refused); check host and port,"
                + " and that the broker runs", state.problem());
        assertTrue(System.nanoTime() - started < WAIT.toNanos(), "answered before the wait ran out");
    }

    @Test
    void givenAPasswordWithoutUser_whenConnecting_thenRefusedAndNothingIsApplied() throws Exception {
        TransportState state = connector.connect(new BrokerAddress("127.0.0.1", broker.plainPort(), false, ""),
                "secret".toCharArray(), false, WAIT);

        assertFalse(state.connected());
        assertEquals("settings refused: username: a password is configured but no username", state.problem());
        assertTrue(applied.isEmpty(), "the running connection is left alone");
    }

    @Test
    void givenARemoteBrokerWithoutTls_whenConnectingWithAPassword_thenRefusedUnlessPlainCredentialsAreAllowed() {
        BrokerAddress remote = new BrokerAddress("broker.example.org", 1883, false, "peer");

        assertTrue(BrokerConnector.check(remote, "secret".toCharArray(), false).orElseThrow()
                .contains("would cross the network unencrypted"));
        assertTrue(BrokerConnector.check(remote, "secret".toCharArray(), true).isEmpty());
        assertTrue(BrokerConnector.check(new BrokerAddress("broker.example.org", 8883, true, "peer"),
                "secret".toCharArray(), false).isEmpty());
    }

    @Test
    void givenAHandedOverPassword_whenAskedForAnotherAddress_thenNothingIsHandedOut() {
        handover.offer(new BrokerAddress("127.0.0.1", 1883, false, "peer"), "secret".toCharArray());

        assertEquals("secret", new String(handover.passwordFor("127.0.0.1", 1883, false, "peer").orElseThrow()));
        assertTrue(handover.passwordFor("127.0.0.1", 1884, false, "peer").isEmpty());
        assertTrue(handover.passwordFor("127.0.0.1", 1883, false, "other").isEmpty());
        assertTrue(handover.passwordFor("127.0.0.1", 1883, true, "peer").isEmpty());
    }
}

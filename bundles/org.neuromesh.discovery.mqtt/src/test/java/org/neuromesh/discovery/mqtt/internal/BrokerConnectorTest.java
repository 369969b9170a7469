package org.neuromesh.discovery.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerFiles;
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

    /** What Config Admin, SCR and the transport component do when the configuration changes. */
    private void startTransport(Map<String, Object> changes) throws IOException {
        Map<String, Object> properties = new HashMap<>(applied.isEmpty() ? Map.of()
                : applied.get(applied.size() - 1));
        changes.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.put(key, value);
            }
        });
        applied.add(Map.copyOf(properties));
        transports.forEach(MqttTransport::close);
        String host = (String) properties.get("host");
        int port = (Integer) properties.get("port");
        boolean tls = (Boolean) properties.get("tls");
        String user = (String) properties.get("username");
        Optional<char[]> handed = handover.passwordFor(host, port, tls, user);
        char[] password = handed.isPresent() ? handed.get() : ConfiguredSecret.read(
                (String) properties.getOrDefault("passwordFile", ""), "passwordFile", "");
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
        handover.offer(new BrokerAddress("127.0.0.1", 1883, false, "peer"), "secret".toCharArray(),
                "ks".toCharArray());

        assertEquals("secret", new String(handover.passwordFor("127.0.0.1", 1883, false, "peer").orElseThrow()));
        assertEquals("ks", new String(handover.keyStorePasswordFor("127.0.0.1", 1883, false, "peer").orElseThrow()));
        assertTrue(handover.passwordFor("127.0.0.1", 1884, false, "peer").isEmpty());
        assertTrue(handover.passwordFor("127.0.0.1", 1883, false, "other").isEmpty());
        assertTrue(handover.passwordFor("127.0.0.1", 1883, true, "peer").isEmpty());
        assertTrue(handover.keyStorePasswordFor("127.0.0.1", 1883, true, "peer").isEmpty());
    }

    @Test
    void givenNoPasswordHandedOver_whenTheTransportAsks_thenNoneSoItReadsItsConfiguration() {
        handover.offer(new BrokerAddress("127.0.0.1", 1883, false, "peer"), new char[0], null);

        assertTrue(handover.passwordFor("127.0.0.1", 1883, false, "peer").isEmpty());
        assertTrue(handover.keyStorePasswordFor("127.0.0.1", 1883, false, "peer").isEmpty());
    }

    @Test
    void givenAnOwnerOnlyPasswordFile_whenConnecting_thenConnectedAndTheConfigurationNamesTheFileOnly()
            throws Exception {
        // given the broker password in a file only its owner may read, and a password an earlier conf/ file left
        Path passwordFile = secretFile("broker.pass", MosquittoBroker.PASSWORD + "\n", "rw-------");
        applied.add(Map.of("host", "", "port", 1883, "tls", false, "username", "", ".password", "old",
                ".clientKeyStorePassword", "old"));
        // when connecting with the file and no password typed
        TransportState state = connector.connect(address(), new BrokerFiles("", "", passwordFile.toString(), ""),
                null, null, false, WAIT);
        // then the transport, which read the file itself (nothing was handed over), is connected
        assertTrue(state.connected(), state::toString);
        Map<String, Object> configuration = applied.get(applied.size() - 1);
        assertEquals(passwordFile.toString(), configuration.get("passwordFile"));
        // and the configuration holds the file's path, no password: the old ones are gone
        assertFalse(configuration.containsKey(".password") || configuration.containsKey(".clientKeyStorePassword"),
                configuration::toString);
        assertFalse(configuration.values().stream().anyMatch(value -> String.valueOf(value)
                .contains(MosquittoBroker.PASSWORD)), configuration::toString);
    }

    @Test
    void givenAPasswordFileOthersMayRead_whenConnecting_thenRefusedWithTheFixAndNothingIsApplied()
            throws Exception {
        // given the right password, in a file group and others may read
        Path passwordFile = secretFile("broker.pass", MosquittoBroker.PASSWORD, "rw-r--r--");
        // when connecting with it
        TransportState state = connector.connect(address(), new BrokerFiles("", "", passwordFile.toString(), ""),
                null, null, false, WAIT);
        // then refused, naming the setting, the mode and the fix, and the running connection is left alone
        assertFalse(state.connected());
        assertEquals("settings refused: passwordFile: Permissions 0644 for password file " + passwordFile
                + " are too open: group and others must not have any access. Fix with: chmod 600 " + passwordFile,
                state.problem());
        assertTrue(applied.isEmpty(), applied::toString);
    }

    @Test
    void givenAMissingPasswordFileOrACertificateWithoutTls_whenConnecting_thenRefusedBeforeApplying()
            throws Exception {
        Path missing = work.resolve("missing.pass");
        assertEquals("settings refused: passwordFile: password file " + missing
                + " does not exist or is not a regular file", connector.connect(address(), new BrokerFiles("", "",
                        missing.toString(), ""), null, null, false, WAIT).problem());
        Path ca = Files.writeString(work.resolve("ca.crt"), "x");
        assertTrue(connector.connect(address(), new BrokerFiles(ca.toString(), "", "", ""), "p".toCharArray(), null,
                false, WAIT).problem().startsWith("settings refused: tls: certificates are configured"));
        assertTrue(applied.isEmpty(), applied::toString);
    }

    private static BrokerAddress address() {
        return new BrokerAddress("127.0.0.1", broker.plainPort(), false, MosquittoBroker.USER);
    }

    private Path secretFile(String name, String text, String mode) throws IOException {
        Path file = Files.writeString(work.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}

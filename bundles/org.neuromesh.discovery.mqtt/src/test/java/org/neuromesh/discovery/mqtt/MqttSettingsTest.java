package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.peer.PeerId;

class MqttSettingsTest {

    @TempDir
    Path work;

    private MqttSettings.Builder base() {
        return MqttSettings.builder().outboxDirectory(work.resolve("outbox"));
    }

    private String refusal(UnaryOperator<MqttSettings.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(base()).build()).getMessage();
    }

    @Test
    void givenNoHost_whenBuilt_thenTheEmbeddedBrokerOnLoopbackIsMeant() {
        MqttSettings settings = base().build();
        assertTrue(settings.embeddedHost());
        assertEquals("tcp://127.0.0.1:1883", settings.serverUri());
        assertEquals("neuromesh/v1", settings.topicRoot());
        assertEquals(5_000, settings.heartbeatInterval().toMillis());
        assertEquals(3, settings.missedHeartbeats());
        assertEquals(8 << 20, settings.maxMessageBytes());
    }

    @Test
    void givenACommunityBroker_whenOnlyTheHostChanges_thenItIsUsed() {
        MqttSettings settings = base().host("broker.example.org").build();
        assertFalse(settings.embeddedHost());
        assertEquals("tcp://broker.example.org:1883", settings.serverUri());
        assertEquals("ssl://[::1]:8883", base().host("::1").port(8883).tls(true).build().serverUri());
    }

    @Test
    void givenBadValues_whenBuilt_thenTheMessageNamesThePropertyAndTheValue() throws Exception {
        assertEquals("port: 70000 is not a TCP port (1-65535)", refusal(b -> b.port(70000)));
        assertTrue(refusal(b -> b.port(0)).startsWith("port: 0 "));
        String missing = work.resolve("nope/ca.pem").toString();
        assertEquals("caCertificateFile: '" + missing + "' is not a readable file",
                refusal(b -> b.tls(true).caCertificateFile(missing)));
        assertTrue(refusal(b -> b.tls(true).clientKeyStore(missing, null)).startsWith("clientKeyStore: '" + missing));
        Path ca = Files.writeString(work.resolve("ca.pem"), "x");
        assertTrue(refusal(b -> b.caCertificateFile(ca.toString())).startsWith("tls: "));
        assertTrue(refusal(b -> b.host("bad host!")).startsWith("host: 'bad host!'"));
        assertTrue(refusal(b -> b.topicRoot("a/+/b")).startsWith("topicRoot: 'a/+/b'"));
        assertTrue(refusal(b -> b.heartbeatSeconds(0)).startsWith("heartbeatSeconds: 0"));
        assertTrue(refusal(b -> b.missedHeartbeats(0)).startsWith("missedHeartbeats: 0"));
        assertTrue(refusal(b -> b.maxMessageBytes(10)).startsWith("maxMessageBytes: 10"));
        assertTrue(refusal(b -> b.credentials("", "secret".toCharArray())).startsWith("username: "));
        Path file = Files.writeString(work.resolve("file"), "x");
        assertTrue(refusal(b -> b.outboxDirectory(file)).startsWith("outboxDirectory: '"));
    }

    @Test
    void givenCredentialsForARemoteBrokerWithoutTls_whenBuilt_thenRefusedUnlessTheUserAllowsIt() {
        // given a username and password for a broker on another machine over plain TCP
        UnaryOperator<MqttSettings.Builder> plain = b -> b.host("broker.example.org")
                .credentials("alice", "s3cret-pw".toCharArray());
        // then the settings are refused, naming the fix and never the password
        String refused = refusal(plain);
        assertTrue(refused.startsWith("username: the password for alice would cross the network unencrypted to"
                + " broker.example.org:1883; set tls = true"), refused);
        assertFalse(refused.contains("s3cret-pw"));
        // and they pass with TLS, on this machine, or when the user says the network is trusted
        assertEquals("ssl://broker.example.org:8883", plain.apply(base()).tls(true).port(8883).build().serverUri());
        assertEquals("tcp://127.0.0.1:1883", base().host("127.0.0.1").credentials("alice", "pw".toCharArray())
                .build().serverUri());
        assertEquals("tcp://localhost:1883", base().host("localhost").credentials("alice", "pw".toCharArray())
                .build().serverUri());
        assertEquals("tcp://broker.example.org:1883",
                plain.apply(base()).allowPlainCredentials(true).build().serverUri());
        // and a host that only looks local is not taken for it
        assertTrue(refusal(b -> b.host("127.example.org").credentials("alice", "pw".toCharArray()))
                .startsWith("username: "));
    }

    @Test
    void givenAPassword_whenSettingsAreShown_thenItIsNotThere() {
        MqttSettings settings = base().credentials("alice", "s3cret-pw".toCharArray()).build();
        assertTrue(settings.toString().contains("user=alice"));
        assertFalse(settings.toString().contains("s3cret-pw"));
    }

    @Test
    void givenTheDefaultOutboxTemplate_whenExpanded_thenItLiesUnderNeuromeshHomeAndThePeerId() {
        PeerId peer = new PeerId("ab".repeat(32));
        String previous = System.getProperty("neuromesh.home");
        try {
            System.setProperty("neuromesh.home", work.toString());
            assertEquals(work.resolve("outbox").resolve(peer.value()), MqttSettings.outboxDirectory("", peer));
            assertEquals(work.resolve("x").resolve(peer.value()),
                    MqttSettings.outboxDirectory("${neuromesh.home}/x/${peerId}", peer));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> MqttSettings.outboxDirectory("${unknown}/x", peer)).getMessage()
                    .startsWith("outboxDirectory: '${unknown}/x'"));
        } finally {
            if (previous == null) {
                System.clearProperty("neuromesh.home");
            } else {
                System.setProperty("neuromesh.home", previous);
            }
        }
    }

    @Test
    void givenACommaSeparatedList_whenParsed_thenBlanksAreDropped() {
        assertEquals(Set.of("rule:eligibility", "data:mnist"),
                MqttSettings.parseCapabilities(" rule:eligibility, ,data:mnist,"));
        assertEquals(Set.of(), MqttSettings.parseCapabilities(""));
    }
}

package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.broker.EmbeddedBroker;
import org.neuromesh.discovery.mqtt.testing.Await;
import org.neuromesh.discovery.mqtt.testing.ReceivedMessages;
import org.neuromesh.discovery.mqtt.testing.Identities;
import org.neuromesh.discovery.mqtt.testing.PeerEvents;
import org.neuromesh.discovery.mqtt.testing.TestMessages;

/**
 * The zero-setup default: the transport against the embedded Moquette broker (plain TCP on loopback, no login),
 * which differs from Mosquitto in details (64-digit client ids, retained QoS 1 presence, last will). Bursts and
 * restarts are tested against Mosquitto only: Moquette 0.17 loses or corrupts queued QoS 1 messages under bursts
 * to a persistent session (IllegalReferenceCountException in its H2 queue, seen here with 50 capsules of 4 KB) and
 * forgets its in-flight window on a restart.
 */
class OverEmbeddedBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;
    private final EmbeddedBroker broker = new EmbeddedBroker();
    private final List<MqttTransport> transports = new ArrayList<>();
    private int port;

    @BeforeEach
    void startBroker() throws Exception {
        // a free port chosen here: Moquette 0.17's own choice (port 0) races in NewNettyAcceptor.getPort
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        broker.start("127.0.0.1", port, work.resolve("broker"));
    }

    @AfterEach
    void stopAll() {
        transports.forEach(MqttTransport::close);
        broker.stop();
    }

    private MqttSettings.Builder settings(PeerId id) {
        return MqttSettings.builder().host("").port(port).heartbeatInterval(Duration.ofMillis(200))
                .outboxDirectory(work.resolve("outbox-" + id.shortForm()));
    }

    private MqttTransport start(PeerSecurity security) throws IOException {
        MqttTransport transport = MqttTransport.start(settings(security.self()).capabilities(Set.of("rule:x"))
                .build(), security);
        transports.add(transport);
        return transport;
    }

    @Test
    void givenTwoPeersOnTheEmbeddedBroker_whenOneCrashes_thenTheOtherFoundItAndSeesItLeave() throws Exception {
        PeerSecurity alice = Identities.fresh();
        PeerSecurity bob = Identities.fresh();
        MqttTransport a = start(alice);
        PeerEvents seen = new PeerEvents();
        a.discovery().addListener(seen);
        MqttTransport b = start(bob);
        Await.until("alice sees bob with health", WAIT, () -> seen.present(bob.self())
                && seen.peer(bob.self()).health().containsKey(HeartbeatBody.BROKER_RTT_MICROS), seen::toString);
        assertEquals(Set.of("rule:x"), seen.peer(bob.self()).capabilities());
        b.abort();
        Await.until("bob has left", WAIT, () -> seen.left(bob.self()), seen::toString);
    }

    @Test
    void givenTwoPeersOnTheEmbeddedBroker_whenOneSendsToTheOtherAndBroadcasts_thenBothArrive() throws Exception {
        PeerSecurity alice = Identities.fresh();
        PeerSecurity bob = Identities.fresh();
        MqttTransport a = start(alice);
        MqttTransport b = start(bob);
        ReceivedMessages bobs = new ReceivedMessages();
        b.messaging().subscribe(bobs);
        Await.until("both connected", WAIT, () -> a.connectionStatus().subscribed() && b.connectionStatus()
                .connected());
        var capsule = TestMessages.capsule("to-bob", alice.self(), List.of(bob.self()), 4096);
        var proposal = TestMessages.control("session.propose", alice.self(), null);
        a.messaging().send(capsule);
        a.messaging().send(proposal);
        Await.until("bob has both", WAIT, () -> bobs.has(capsule) && bobs.has(proposal), bobs::toString);
        Await.until("alice's outbox is empty", WAIT, () -> {
            try {
                return a.outboxSize() == 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.WireFormat;
import org.neuromesh.discovery.mqtt.testing.Await;
import org.neuromesh.discovery.mqtt.testing.Identities;
import org.neuromesh.discovery.mqtt.testing.PeerEvents;
import org.neuromesh.discovery.mqtt.testing.TestBrokers;
import org.neuromesh.discovery.mqtt.testing.TestMessages;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/** Discovery through a real Mosquitto with TLS, passwords and the ACL, with real signatures. */
class DiscoveryOverMosquittoTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(200);

    @TempDir
    static Path shared;
    private static MosquittoBroker broker;

    @TempDir
    Path work;
    private final List<MqttTransport> transports = new ArrayList<>();
    private final Topics topics = new Topics(MosquittoBroker.ROOT);
    private final WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);

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

    private static PeerSecurity security() {
        return Identities.fresh();
    }

    private MqttTransport transport(PeerSecurity security, UnaryOperator<MqttSettings.Builder> settings)
            throws IOException {
        MqttSettings.Builder builder = brokerSettings(work.resolve("outbox-" + security.self().shortForm()))
                .heartbeatInterval(FAST).missedHeartbeats(3);
        MqttTransport transport = MqttTransport.start(settings.apply(builder).build(), security);
        transports.add(transport);
        return transport;
    }

    private static PeerEvents listen(MqttTransport transport) {
        PeerEvents events = new PeerEvents();
        transport.discovery().addListener(events);
        return events;
    }

    @Test
    void givenThreePeers_whenTheyStart_thenEachFindsTheOthersWithKeysCapabilitiesAndHealth() throws Exception {
        // given
        List<PeerSecurity> securities = List.of(security(), security(), security());
        List<MqttTransport> started = new ArrayList<>();
        List<PeerEvents> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            MqttTransport transport = transport(securities.get(i), b -> b.displayName("peer " + n)
                    .capabilities(Set.of("rule:eligibility", "free-nodes:" + (100 + n))));
            started.add(transport);
            events.add(listen(transport));
        }
        // then every peer sees the two others, with their keys, capabilities and heartbeat health incl. latency
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i == j) {
                    continue;
                }
                PeerId other = securities.get(j).self();
                PeerEvents seen = events.get(i);
                Await.until("peer " + i + " has the health of peer " + j, WAIT, () -> seen.present(other)
                        && seen.peer(other).health().containsKey(HeartbeatBody.BROKER_RTT_MICROS), seen::toString);
                PeerInfo info = seen.peer(other);
                assertEquals("peer " + j, info.displayName());
                assertEquals(Set.of("rule:eligibility", "free-nodes:" + (100 + j)), info.capabilities());
                assertTrue(Long.parseLong(info.health().get(HeartbeatBody.FREE_HEAP_BYTES)) > 0);
                long rtt = Long.parseLong(info.health().get(HeartbeatBody.BROKER_RTT_MICROS));
                assertTrue(rtt > 0 && rtt < 1_000_000, "round trip " + rtt + " us");
                assertEquals(securities.get(j).publicKeys(), securities.get(i).keysOf(other).orElseThrow());
            }
            List<PeerInfo> peers = started.get(i).discovery().peers();
            assertEquals(2, peers.size());
            PeerId self = securities.get(i).self();
            assertTrue(peers.stream().noneMatch(p -> p.id().equals(self)), "never reports itself");
            assertFalse(events.get(i).events().stream().anyMatch(e -> e.endsWith(self.shortForm())));
            assertTrue(started.get(i).brokerRoundTripMicros() > 0);
        }
    }

    @Test
    void givenAPeerThatCrashes_whenItsConnectionDrops_thenTheOthersSeeItLeaveByItsLastWill() throws Exception {
        // given heartbeats every 30 s, so that missing heartbeats would take 90 s
        PeerSecurity watcher = security();
        PeerSecurity victim = security();
        PeerEvents events = listen(transport(watcher, b -> b.heartbeatSeconds(30)));
        MqttTransport doomed = transport(victim, b -> b.heartbeatSeconds(30));
        Await.until("the victim is seen", WAIT, () -> events.present(victim.self()), events::toString);
        // when it drops its connection without a DISCONNECT
        doomed.abort();
        // then the broker's last will tells the watcher well before any heartbeat could be missed
        Await.until("the victim has left", WAIT, () -> events.left(victim.self()), events::toString);
    }

    @Test
    void givenAPeerThatStopsSendingHeartbeats_whenItMissesThree_thenItIsDeclaredGoneThoughStillConnected()
            throws Exception {
        // given a watcher and a silent peer: connected, announced (heartbeat every 200 ms), then never a heartbeat
        PeerEvents events = listen(transport(security(), b -> b));
        MessageSecurity silent = Identities.fresh();
        MqttClient raw = TestBrokers.rawClient(broker, silent.self().value());
        try {
            PresenceBody presence = new PresenceBody("silent", Set.of(), 200, silent.publicKeys(), 1L, 1);
            long announced = System.nanoTime();
            // retained, as peers announce themselves: the watcher may subscribe after it was published
            raw.publish(topics.presence(silent.self()),
                    format.encode(silent.sign(PresenceBody.TYPE, null, presence.encode())), 1, true);
            Await.until("the silent peer appears", WAIT, () -> events.present(silent.self()), events::toString);
            // then after 3 x 200 ms without a heartbeat it is gone, while its connection (and last will) stays
            Await.until("the silent peer is declared gone", WAIT, () -> events.left(silent.self()),
                    events::toString);
            assertTrue(raw.isConnected());
            long silentMillis = (events.leftAt(silent.self()) - announced) / 1_000_000;
            assertTrue(silentMillis >= 600, "declared gone after " + silentMillis + " ms");
        } finally {
            raw.publish(topics.presence(silent.self()), format.encode(silent.sign(PresenceBody.OFFLINE_TYPE, null,
                    new GoodbyeBody(1L, 1).encode())), 1, true);
            raw.disconnect();
            raw.close();
        }
    }

    @Test
    void givenAPeerThatShutsDownCleanly_whenALaterPeerJoins_thenItIsGoneForBoth() throws Exception {
        PeerSecurity leaving = security();
        PeerSecurity staying = security();
        MqttTransport gone = transport(leaving, b -> b);
        PeerEvents events = listen(transport(staying, b -> b));
        Await.until("both see each other", WAIT, () -> events.present(leaving.self()), events::toString);
        // when
        gone.close();
        // then the goodbye removes it, and a newcomer finds only the peer that stayed (the retained presence of the
        // leaver is now its goodbye)
        Await.until("it has left", WAIT, () -> events.left(leaving.self()), events::toString);
        PeerEvents newcomer = listen(transport(security(), b -> b));
        Await.until("the newcomer sees the staying peer with health", WAIT, () -> newcomer.present(staying.self())
                && newcomer.peer(staying.self()).health().containsKey(HeartbeatBody.FREE_HEAP_BYTES),
                newcomer::toString);
        assertFalse(newcomer.present(leaving.self()), newcomer.toString());
    }

    @Test
    void givenAPeer_whenItAnnouncesNewCapabilities_thenTheOthersAreToldOfTheUpdate() throws Exception {
        PeerSecurity changing = security();
        MqttTransport transport = transport(changing, b -> b.capabilities(Set.of("free-nodes:10")));
        PeerEvents events = listen(transport(security(), b -> b));
        Await.until("it is seen", WAIT, () -> events.present(changing.self()), events::toString);
        transport.updatePresence("renamed", Set.of("free-nodes:0", "data:mnist"));
        Await.until("the update arrives", WAIT, () -> events.present(changing.self())
                && events.peer(changing.self()).capabilities().equals(Set.of("free-nodes:0", "data:mnist")),
                events::toString);
        assertEquals("renamed", events.peer(changing.self()).displayName());
        assertTrue(events.events().contains("updated:" + changing.self().shortForm()));
    }

    @Test
    void givenBadAnnouncements_whenTheyArrive_thenTheyAreCountedByReasonAndAGoodOneStillWorks() throws Exception {
        // given a watcher and an intruder with its own identity and a raw client
        MqttTransport watcher = transport(security(), b -> b.maxMessageBytes(64 * 1024));
        PeerEvents events = listen(watcher);
        Await.until("the watcher is connected", WAIT, () -> watcher.connectionStatus().subscribed());
        MessageSecurity intruder = Identities.fresh();
        MessageSecurity someoneElse = Identities.fresh();
        PeerId id = intruder.self();
        byte[] goodPresence = format.encode(intruder.sign(PresenceBody.TYPE, null,
                new PresenceBody("intruder", Set.of(), 60_000, intruder.publicKeys(), 1L, 1).encode()));
        byte[] wrongKeys = format.encode(intruder.sign(PresenceBody.TYPE, null,
                new PresenceBody("intruder", Set.of(), 60_000, someoneElse.publicKeys(), 1L, 1).encode()));
        byte[] badBody = format.encode(intruder.sign(PresenceBody.TYPE, null, "{\"name\":\"x\"}".getBytes()));
        byte[] notItsOwn = format.encode(someoneElse.sign(PresenceBody.TYPE, null,
                new PresenceBody("else", Set.of(), 60_000, someoneElse.publicKeys(), 1L, 1).encode()));
        byte[] heartbeat = format.encode(intruder.sign(HeartbeatBody.TYPE, null,
                new HeartbeatBody(1L, 1L, 1, 1, 1).encode()));
        byte[] capsule = format.encode(TestMessages.capsule("c", id, List.of(id), 10));
        byte[] oversized = format.encode(TestMessages.capsule("big", id, List.of(id), 100_000));
        MqttClient raw = TestBrokers.rawClient(broker, id.value());
        try {
            // when
            raw.publish(topics.heartbeat(id), heartbeat, 1, false); // UNKNOWN_SENDER: no presence yet
            raw.publish(topics.presence(id), "garbage".getBytes(), 1, false); // MALFORMED
            raw.publish(topics.presence(id), Arrays.copyOf(goodPresence, 40), 1, false); // MALFORMED
            raw.publish(topics.presence(id), badBody, 1, false); // MALFORMED (body)
            raw.publish(topics.presence(id), wrongKeys, 1, false); // FORGED_SIGNATURE
            raw.publish(topics.presence(id), notItsOwn, 1, false); // SENDER_MISMATCH
            raw.publish(topics.presence(id), capsule, 1, false); // WRONG_KIND
            raw.publish(topics.presence(id), oversized, 1, false); // OVERSIZED
            raw.publish(topics.heartbeat(id), "garbage".getBytes(), 1, false); // MALFORMED
            raw.publish(topics.presence(id), goodPresence, 1, false);
            // then the good presence is accepted after all the bad ones were counted
            Await.until("the intruder's real presence is accepted", WAIT, () -> events.present(id),
                    events::toString);
            assertEquals("intruder", events.peer(id).displayName());
        } finally {
            raw.publish(topics.presence(id), format.encode(intruder.sign(PresenceBody.OFFLINE_TYPE, null,
                    new GoodbyeBody(1L, 1).encode())), 1, true);
            raw.disconnect();
            raw.close();
        }
        Map<RejectionReason, Long> counted = watcher.rejections().snapshot();
        assertEquals(4, counted.get(RejectionReason.MALFORMED), counted.toString());
        assertEquals(1, counted.get(RejectionReason.UNKNOWN_SENDER), counted.toString());
        assertEquals(1, counted.get(RejectionReason.FORGED_SIGNATURE), counted.toString());
        assertEquals(1, counted.get(RejectionReason.SENDER_MISMATCH), counted.toString());
        assertEquals(1, counted.get(RejectionReason.WRONG_KIND), counted.toString());
        assertEquals(1, counted.get(RejectionReason.OVERSIZED), counted.toString());
        assertEquals(9, watcher.rejections().total());
    }

    @Test
    void givenAGoodbyeAndHeartbeatsCapturedEarlier_whenReplayedWhileThePeerRunsAgain_thenItStaysAndTheyAreRefused()
            throws Exception {
        // given a watcher, and an attacker who records what the victim publishes (as the operator of a broker, or
        // any client of a broker without an ACL, could)
        MqttTransport watcher = transport(security(), b -> b);
        PeerEvents events = listen(watcher);
        PeerSecurity victim = security();
        BlockingQueue<byte[]> goodbyes = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> heartbeats = new LinkedBlockingQueue<>();
        MqttClient attacker = TestBrokers.observer(broker, "attacker");
        try {
            attacker.subscribe(topics.presence(victim.self()), 1, (topic, message) -> {
                if (format.decode(message.getPayload()) instanceof SignedControlMessage control
                        && control.type().equals(PresenceBody.OFFLINE_TYPE)) {
                    goodbyes.add(message.getPayload());
                }
            });
            attacker.subscribe(topics.heartbeat(victim.self()), 0,
                    (topic, message) -> heartbeats.add(message.getPayload()));
            // and the victim's first run, which sends heartbeats and then says goodbye
            MqttTransport firstRun = transport(victim, b -> b);
            Await.until("the victim is seen", WAIT, () -> events.present(victim.self()), events::toString);
            byte[] heartbeatOfFirstRun = heartbeats.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            firstRun.close();
            Await.until("the victim has left", WAIT, () -> events.left(victim.self()), events::toString);
            byte[] goodbyeOfFirstRun = goodbyes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            // when the victim runs again and the attacker replays the goodbye, the old heartbeat and a new one
            transport(victim, b -> b);
            Await.until("the victim is back", WAIT, () -> events.present(victim.self()), events::toString);
            heartbeats.clear();
            byte[] heartbeatOfSecondRun = heartbeats.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            int leftBefore = leftEvents(events, victim.self());
            long staleBefore = watcher.rejections().get(RejectionReason.STALE);
            long replayedBefore = watcher.rejections().get(RejectionReason.REPLAYED);
            attacker.publish(topics.presence(victim.self()), goodbyeOfFirstRun, 1, false);
            attacker.publish(topics.heartbeat(victim.self()), heartbeatOfFirstRun, 0, false);
            attacker.publish(topics.heartbeat(victim.self()), heartbeatOfSecondRun, 0, false);
            // then the watcher refuses all three, with their reasons, and the victim never leaves
            Await.until("the replays are refused", WAIT,
                    () -> watcher.rejections().get(RejectionReason.STALE) == staleBefore + 2
                            && watcher.rejections().get(RejectionReason.REPLAYED) == replayedBefore + 1,
                    () -> watcher.rejections().toString());
            Thread.sleep(3 * FAST.toMillis());
            assertTrue(events.present(victim.self()), events.toString());
            assertEquals(leftBefore, leftEvents(events, victim.self()), events.toString());
        } finally {
            attacker.disconnect();
            attacker.close();
        }
    }

    private static int leftEvents(PeerEvents events, PeerId peer) {
        return (int) events.events().stream().filter(e -> e.equals("left:" + peer.shortForm())).count();
    }

    private MqttSettings.Builder brokerSettings(Path outbox) {
        return TestBrokers.settings(broker, outbox);
    }
}

package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.WireFormat;
import org.neuromesh.discovery.mqtt.testing.Await;
import org.neuromesh.discovery.mqtt.testing.ReceivedMessages;
import org.neuromesh.discovery.mqtt.testing.TestBrokers;
import org.neuromesh.discovery.mqtt.testing.TestMessages;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * Messaging through a real Mosquitto with TLS (client certificates), passwords and the NeuroMesh ACL. These tests
 * need no signatures: transports verify nothing, so the messages carry placeholder signatures.
 */
class MessagingOverMosquittoTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path shared;
    private static MosquittoBroker broker;

    @TempDir
    Path work;
    private final List<MqttTransport> transports = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.start(shared.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeTransports() throws Exception {
        transports.forEach(MqttTransport::close);
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    private MqttTransport transport(PeerId id) throws IOException {
        return transport(id, brokerSettings(work.resolve("outbox-" + id.shortForm())));
    }

    private MqttTransport transport(PeerId id, MqttSettings.Builder settings) throws IOException {
        MqttTransport transport = MqttTransport.startWithoutDiscovery(settings.build(), id);
        transports.add(transport);
        return transport;
    }

    private static ReceivedMessages inboxOf(MqttTransport transport) {
        ReceivedMessages inbox = new ReceivedMessages();
        transport.messaging().subscribe(inbox);
        return inbox;
    }

    private static void awaitConnected(MqttTransport... all) throws InterruptedException {
        for (MqttTransport transport : all) {
            Await.until(transport.self().shortForm() + " is connected and subscribed", WAIT,
                    () -> transport.connectionStatus().subscribed(), () -> transport.connectionStatus().toString());
        }
    }

    private static void awaitOutboxEmpty(MqttTransport transport) throws InterruptedException {
        Await.until("the outbox of " + transport.self().shortForm() + " is empty", WAIT, () -> {
            try {
                return transport.outboxSize() == 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void givenThreePeers_whenACapsuleIsSentToOne_thenOnlyItsRecipientReceivesIt() throws Exception {
        // given
        PeerId alice = TestMessages.peerId();
        PeerId bob = TestMessages.peerId();
        PeerId carol = TestMessages.peerId();
        MqttTransport a = transport(alice);
        MqttTransport b = transport(bob);
        ReceivedMessages bobs = inboxOf(b);
        MqttTransport c = transport(carol);
        ReceivedMessages carols = inboxOf(c);
        awaitConnected(a, b, c);
        // when alice sends a capsule to bob, then a broadcast (a marker that carol receives after the capsule, had
        // the capsule reached her)
        SealedCapsule capsule = TestMessages.capsule("capsule-for-bob", alice, List.of(bob), 1024);
        a.messaging().send(capsule);
        SignedControlMessage marker = TestMessages.control("session.propose", alice, null);
        a.messaging().send(marker);
        // then
        Await.until("bob has the capsule", WAIT, () -> bobs.has(capsule), bobs::toString);
        Await.until("carol has the marker", WAIT, () -> carols.has(marker), carols::toString);
        assertEquals(Set.of(ReceivedMessages.key(marker)), carols.distinct());
        awaitOutboxEmpty(a);
    }

    @Test
    void givenThreePeers_whenABroadcastIsSent_thenEveryOtherPeerReceivesIt() throws Exception {
        PeerId alice = TestMessages.peerId();
        MqttTransport a = transport(alice);
        ReceivedMessages alices = inboxOf(a);
        ReceivedMessages bobs = inboxOf(transport(TestMessages.peerId()));
        ReceivedMessages carols = inboxOf(transport(TestMessages.peerId()));
        awaitConnected(transports.toArray(MqttTransport[]::new));
        // when
        SignedControlMessage proposal = TestMessages.control("session.propose", alice, null);
        a.messaging().send(proposal);
        var record = TestMessages.audit(alice, "capsule-7");
        a.messaging().send(record);
        // then both others get both; the sender does not hear its own broadcast back
        Await.until("bob and carol have both", WAIT, () -> bobs.has(proposal) && bobs.has(record)
                && carols.has(proposal) && carols.has(record), () -> bobs + " / " + carols);
        assertEquals(0, alices.count());
    }

    @Test
    void givenAStream_whenMosquittoRestartsMidStream_thenEveryMessageArrives() throws Exception {
        // given
        PeerId alice = TestMessages.peerId();
        PeerId bob = TestMessages.peerId();
        MqttTransport a = transport(alice);
        MqttTransport b = transport(bob);
        ReceivedMessages bobs = inboxOf(b);
        awaitConnected(a, b);
        Set<String> sent = new HashSet<>();
        // when 100 capsules go before, 100 while the broker is down, 100 after it is back
        for (int phase = 0; phase < 3; phase++) {
            if (phase == 1) {
                broker.stop();
                Await.until("alice notices", WAIT, () -> !a.connectionStatus().subscribed());
            } else if (phase == 2) {
                assertTrue(a.outboxSize() >= 100, "messages sent while the broker is down wait in the outbox");
                broker.start();
            }
            for (int i = 0; i < 100; i++) {
                String id = "stream-" + phase + "-" + i;
                a.messaging().send(TestMessages.capsule(id, alice, List.of(bob), 1024));
                sent.add(id);
            }
        }
        // then bob gets all 300 (possibly some twice), and alice's outbox drains
        Await.until("bob has all 300", WAIT, () -> bobs.capsuleIds().containsAll(sent),
                () -> bobs + ", missing " + missing(sent, bobs.capsuleIds()) + "\n" + broker.diagnostics());
        assertEquals(sent, bobs.capsuleIds());
        awaitOutboxEmpty(a);
    }

    @Test
    void givenASenderThatCrashedWithUnsentMessages_whenANewTransportOpensItsOutbox_thenTheyAreDelivered()
            throws Exception {
        // given bob is listening and alice stores 20 capsules while the broker is down, then crashes
        PeerId alice = TestMessages.peerId();
        PeerId bob = TestMessages.peerId();
        Path aliceOutbox = work.resolve("alice-outbox");
        MqttTransport b = transport(bob);
        ReceivedMessages bobs = inboxOf(b);
        MqttTransport a = transport(alice, brokerSettings(aliceOutbox));
        awaitConnected(a, b);
        broker.stop();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = "crash-" + i;
            a.messaging().send(TestMessages.capsule(id, alice, List.of(bob), 2048));
            sent.add(id);
        }
        a.abort();
        assertEquals(20, Files.list(aliceOutbox).filter(f -> f.toString().endsWith(Outbox.SUFFIX)).count());
        // when the broker is back and a new transport of alice opens the same outbox
        broker.start();
        MqttTransport again = transport(alice, brokerSettings(aliceOutbox));
        // then bob receives all 20 and the outbox empties
        Await.until("bob has all 20", WAIT, () -> bobs.capsuleIds().containsAll(sent), bobs::toString);
        awaitOutboxEmpty(again);
    }

    @Test
    void givenAReceiverWhoseHandlerLeft_whenCapsulesArriveBeforeItCloses_thenItsNextRunGetsThem() throws Exception {
        // given bob, whose handler unsubscribed (as a peer's runtime does when the peer stops before its transport)
        PeerId alice = TestMessages.peerId();
        PeerId bob = TestMessages.peerId();
        Path bobsOutbox = work.resolve("bob-outbox");
        MqttTransport a = transport(alice);
        MqttTransport b = transport(bob, brokerSettings(bobsOutbox));
        ReceivedMessages firstRun = new ReceivedMessages();
        AutoCloseable subscription = b.messaging().subscribe(firstRun);
        awaitConnected(a, b);
        subscription.close();
        // when alice sends him 5 capsules, which arrive with nobody to take them, and bob's transport closes
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = "late-" + i;
            a.messaging().send(TestMessages.capsule(id, alice, List.of(bob), 1024));
            sent.add(id);
        }
        MqttMessaging bobsMessaging = (MqttMessaging) b.messaging();
        Await.until("bob holds all 5", WAIT, () -> bobsMessaging.held()[0] == 5, () -> bobsMessaging.held()[0] + "");
        b.close();
        // then his next run gets all 5 from his persistent session: none was acknowledged while only held
        MqttTransport again = transport(bob, brokerSettings(bobsOutbox));
        ReceivedMessages nextRun = inboxOf(again);
        Await.until("bob's next run has all 5", WAIT, () -> nextRun.capsuleIds().containsAll(sent), nextRun::toString);
        assertEquals(Set.of(), Set.copyOf(firstRun.capsuleIds()));
    }

    @Test
    void givenAnOutboxInUse_whenASecondTransportOpensIt_thenItIsRefusedNamingTheFolder() throws Exception {
        PeerId alice = TestMessages.peerId();
        Path outbox = work.resolve("shared-outbox");
        transport(alice, brokerSettings(outbox));
        IOException refused = assertThrows(IOException.class, () -> transport(alice, brokerSettings(outbox)));
        assertTrue(refused.getMessage().contains("outboxDirectory") && refused.getMessage().contains("in use"),
                refused.getMessage());
    }

    @Test
    void givenALimit_whenALargerMessageIsSent_thenSendRefusesItNamingTheLimit() throws Exception {
        PeerId alice = TestMessages.peerId();
        MqttTransport a = transport(alice, brokerSettings(work.resolve("small")).maxMessageBytes(64 * 1024));
        SealedCapsule big = TestMessages.capsule("big", alice, List.of(TestMessages.peerId()), 100_000);
        IOException refused = assertThrows(IOException.class, () -> a.messaging().send(big));
        assertTrue(refused.getMessage().contains("65536"), refused.getMessage());
        // a message of exactly the limit fits the wire format, but not with the MQTT header around it
        WireFormat format = new WireFormat(64 * 1024);
        int overhead = format.encode(TestMessages.capsule("edge", alice, List.of(alice), 1)).length - 1;
        SealedCapsule edge = TestMessages.capsule("edge", alice, List.of(alice), 64 * 1024 - overhead);
        assertEquals(64 * 1024, format.encode(edge).length);
        IOException packet = assertThrows(IOException.class, () -> a.messaging().send(edge));
        assertTrue(packet.getMessage().contains("MQTT packet") && packet.getMessage().contains("65536"),
                packet.getMessage());
        assertEquals(0, a.outboxSize());
    }

    @Test
    void givenBadPayloadsOnEveryMessagingTopic_whenTheyArrive_thenTheyAreCountedByReasonAndGoodOnesStillArrive()
            throws Exception {
        // given bob accepts at most 64 KiB, and an intruder with a raw client
        PeerId bob = TestMessages.peerId();
        PeerId intruder = TestMessages.peerId();
        MqttTransport b = transport(bob, brokerSettings(work.resolve("bob")).maxMessageBytes(64 * 1024));
        ReceivedMessages bobs = inboxOf(b);
        awaitConnected(b);
        Topics topics = new Topics(MosquittoBroker.ROOT);
        WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
        byte[] good = format.encode(TestMessages.capsule("fine", intruder, List.of(bob), 100));
        byte[] garbage = "this is not a NeuroMesh message".getBytes();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 7);
        byte[] oversized = format.encode(TestMessages.capsule("huge", intruder, List.of(bob), 100_000));
        byte[] forCarol = format.encode(TestMessages.capsule("other", intruder, List.of(TestMessages.peerId()), 10));
        byte[] capsuleOnBroadcast = format.encode(TestMessages.capsule("loud", intruder, List.of(bob), 10));
        MqttClient raw = TestBrokers.rawClient(broker, intruder.value());
        try {
            // when
            for (String topic : List.of(topics.inbox(bob), topics.broadcast(), topics.audit())) {
                raw.publish(topic, garbage, 1, false);
                raw.publish(topic, truncated, 1, false);
                raw.publish(topic, oversized, 1, false);
            }
            raw.publish(topics.inbox(bob), forCarol, 1, false);
            raw.publish(topics.broadcast(), capsuleOnBroadcast, 1, false);
            raw.publish(topics.audit(), capsuleOnBroadcast, 1, false);
            raw.publish(topics.inbox(bob), good, 1, false);
        } finally {
            raw.disconnect();
            raw.close();
        }
        // then the good capsule arrives after all the bad ones, which were counted by reason
        Await.until("bob has the good capsule", WAIT, () -> bobs.capsuleIds().contains("fine"), bobs::toString);
        Map<RejectionReason, Long> counted = b.rejections().snapshot();
        assertEquals(6, counted.get(RejectionReason.MALFORMED), counted.toString());
        assertEquals(3, counted.get(RejectionReason.OVERSIZED), counted.toString());
        assertEquals(1, counted.get(RejectionReason.NOT_FOR_ME), counted.toString());
        assertEquals(2, counted.get(RejectionReason.WRONG_KIND), counted.toString());
        assertEquals(12, b.rejections().total());
        assertEquals(Set.of("capsule:fine"), bobs.distinct());
        assertTrue(b.connectionStatus().subscribed());
    }

    @Test
    void givenTheAcl_whenAClientPublishesToAnotherPeersPresenceTopic_thenTheBrokerDropsIt() throws Exception {
        // given an observer reading every presence topic
        PeerId victim = TestMessages.peerId();
        PeerId intruder = TestMessages.peerId();
        Topics topics = new Topics(MosquittoBroker.ROOT);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttClient observer = TestBrokers.rawClient(broker, TestMessages.peerId().value());
        MqttClient raw = TestBrokers.rawClient(broker, intruder.value());
        try {
            observer.subscribe(topics.everyPeer(Topics.Kind.PRESENCE), 1,
                    (IMqttMessageListener) (topic, message) -> seen.add(topic));
            // when the intruder writes to the victim's presence topic, then to its own (allowed) one
            raw.publish(topics.presence(victim), "forged".getBytes(), 1, false);
            raw.publish(topics.presence(intruder), "own".getBytes(), 1, false);
            // then the observer gets only the allowed one; Mosquitto delivers one client's messages in order, so
            // the forged one would have come first
            Await.until("the observer sees the intruder's own topic", WAIT,
                    () -> seen.contains(topics.presence(intruder)), seen::toString);
            assertEquals(List.of(topics.presence(intruder)), seen);
        } finally {
            raw.disconnect();
            raw.close();
            observer.disconnect();
            observer.close();
        }
    }

    @Test
    void givenAWrongPassword_whenTheTransportConnects_thenItsStatusNamesTheRefusedLogin() throws Exception {
        PeerId alice = TestMessages.peerId();
        MqttTransport a = transport(alice, brokerSettings(work.resolve("wrong"))
                .credentials(MosquittoBroker.USER, "not-the-password".toCharArray()));
        Await.until("the login was refused", WAIT, () -> a.connectionStatus().lastError() != null,
                () -> a.connectionStatus().toString());
        ConnectionStatus status = a.connectionStatus();
        assertFalse(status.connected());
        assertTrue(status.lastError().contains("refused the login of user 'peer'"), status.lastError());
        assertFalse(status.lastError().contains("not-the-password"));
    }

    private static Set<String> missing(Set<String> expected, Set<String> got) {
        Set<String> result = new HashSet<>(expected);
        result.removeAll(got);
        return result.size() > 10 ? Set.of(result.size() + " ids") : result;
    }

    private MqttSettings.Builder brokerSettings(Path outbox) {
        return TestBrokers.settings(broker, outbox);
    }
}

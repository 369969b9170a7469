package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.crypto.WireFormat;
import org.neuromesh.discovery.mqtt.testing.TestMessages;

class MqttMessagingTest {

    private static final PeerId SENDER = new PeerId("a".repeat(64));
    private static final PeerId SELF = new PeerId("b".repeat(64));

    @Test
    void givenNoHandlerYet_whenLargeMessagesArrive_thenAtMost64MiBAreHeldAndTheNewestReachTheFirstHandler() {
        // given messaging that nobody subscribed to yet (no outbox needed: nothing is sent)
        MqttMessaging messaging = new MqttMessaging(new Topics("r"), new WireFormat(8 << 20), null, null);
        // when 20 capsules of 6 MiB arrive
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "c" + i;
            messaging.deliver(TestMessages.capsule(id, SENDER, List.of(SELF), 6 << 20), () -> acknowledged.add(id));
        }
        // then what is held stays within 64 MiB, and only what gave way was acknowledged to the broker
        long[] held = messaging.held();
        assertTrue(held[1] <= MqttMessaging.MAX_HELD_BYTES, held[1] + " bytes held");
        assertEquals(10, held[0]);
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"), acknowledged);
        // and the first handler gets the newest ones, in order, each acknowledged once it was handed over
        List<String> received = new ArrayList<>();
        messaging.subscribe(message -> received.add(((SealedCapsule) message).capsuleId()));
        List<String> newest = List.of("c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19");
        assertEquals(newest, received);
        assertEquals(newest, acknowledged.subList(10, 20));
        assertEquals(0, messaging.held()[1]);
    }

    @Test
    void givenAHandlerThatLeft_whenAMessageArrives_thenItIsHeldUnacknowledged() {
        // given messaging whose only handler unsubscribed, as the peer runtime does when a peer stops
        MqttMessaging messaging = new MqttMessaging(new Topics("r"), new WireFormat(8 << 20), null, null);
        List<Outbound> received = new ArrayList<>();
        AutoCloseable subscription = messaging.subscribe(received::add);
        closeQuietly(subscription);
        // when a message arrives
        List<String> acknowledged = new ArrayList<>();
        messaging.deliver(TestMessages.capsule("late", SENDER, List.of(SELF), 100), () -> acknowledged.add("late"));
        // then nobody got it and the broker was not told it was taken: it sends it again to the next run
        assertEquals(List.of(), received);
        assertEquals(List.of(), acknowledged);
        assertEquals(1, messaging.held()[0]);
    }

    @Test
    void givenAHandler_whenMessagesArrive_thenNothingIsHeld() {
        MqttMessaging messaging = new MqttMessaging(new Topics("r"), new WireFormat(8 << 20), null, null);
        List<Outbound> received = new ArrayList<>();
        messaging.subscribe(received::add);
        List<String> acknowledged = new ArrayList<>();
        messaging.deliver(TestMessages.capsule("c", SENDER, List.of(SELF), 100), () -> acknowledged.add("c"));
        assertEquals(1, received.size());
        assertEquals(List.of("c"), acknowledged);
        assertEquals(0, messaging.held()[0]);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

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
        for (int i = 0; i < 20; i++) {
            messaging.deliver(TestMessages.capsule("c" + i, SENDER, List.of(SELF), 6 << 20));
        }
        // then what is held stays within 64 MiB
        long[] held = messaging.held();
        assertTrue(held[1] <= MqttMessaging.MAX_HELD_BYTES, held[1] + " bytes held");
        assertEquals(10, held[0]);
        // and the first handler gets the newest ones, in order
        List<String> received = new ArrayList<>();
        messaging.subscribe(message -> received.add(((SealedCapsule) message).capsuleId()));
        assertEquals(List.of("c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19"), received);
        assertEquals(0, messaging.held()[1]);
    }

    @Test
    void givenAHandler_whenMessagesArrive_thenNothingIsHeld() {
        MqttMessaging messaging = new MqttMessaging(new Topics("r"), new WireFormat(8 << 20), null, null);
        List<Outbound> received = new ArrayList<>();
        messaging.subscribe(received::add);
        messaging.deliver(TestMessages.capsule("c", SENDER, List.of(SELF), 100));
        assertEquals(1, received.size());
        assertEquals(0, messaging.held()[0]);
    }
}

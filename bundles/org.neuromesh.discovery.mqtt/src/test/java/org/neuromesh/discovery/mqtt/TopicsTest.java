package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.PeerId;

class TopicsTest {

    private final Topics topics = new Topics("neuromesh/v1");
    private final PeerId peer = new PeerId("0123456789abcdef".repeat(4));

    @Test
    void givenTheLayout_whenTopicsAreMadeAndParsed_thenTheyRoundTrip() {
        assertEquals("neuromesh/v1/presence/" + peer, topics.presence(peer));
        assertEquals("neuromesh/v1/heartbeat/" + peer, topics.heartbeat(peer));
        assertEquals("neuromesh/v1/ping/" + peer, topics.ping(peer));
        assertEquals("neuromesh/v1/inbox/" + peer, topics.inbox(peer));
        assertEquals("neuromesh/v1/broadcast", topics.broadcast());
        assertEquals("neuromesh/v1/audit", topics.audit());
        assertEquals("neuromesh/v1/presence/+", topics.everyPeer(Topics.Kind.PRESENCE));
        for (Topics.Kind kind : Topics.Kind.values()) {
            String topic = kind.perPeer() ? "neuromesh/v1/" + kind.level() + "/" + peer
                    : "neuromesh/v1/" + kind.level();
            assertEquals(Optional.of(new Topics.Address(kind, kind.perPeer() ? peer : null)), topics.parse(topic));
        }
    }

    @Test
    void givenTopicsOutsideTheLayout_whenParsed_thenNothingIsUnderstood() {
        for (String topic : new String[] {"other/v1/broadcast", "neuromesh/v1/unknown", "neuromesh/v1/broadcast/x",
                "neuromesh/v1/inbox", "neuromesh/v1/inbox/NOT-HEX", "neuromesh/v1/inbox/" + peer + "/x",
                "neuromesh/v1/inbox/", "neuromesh/v1", "neuromesh/v1/presence/abc"}) {
            assertTrue(topics.parse(topic).isEmpty(), topic);
        }
    }
}

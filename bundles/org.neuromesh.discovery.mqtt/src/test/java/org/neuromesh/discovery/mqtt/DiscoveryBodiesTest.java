package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

class DiscoveryBodiesTest {

    private static final PublicKeys KEYS = new PublicKeys(new byte[44], new byte[] {1, 2, 3});

    @Test
    void givenAPresence_whenEncodedAndDecoded_thenEveryFieldSurvives() throws Exception {
        PresenceBody body = new PresenceBody("Lab PC", Set.of("rule:eligibility", "free-nodes:128"), 5000, KEYS);
        assertEquals(body, PresenceBody.decode(body.encode()));
    }

    @Test
    void givenBrokenPresenceBodies_whenDecoded_thenEachIsRejectedAsMalformed() {
        byte[] good = new PresenceBody("x", Set.of("a", "b"), 5000, KEYS).encode();
        for (int cut = 0; cut < good.length; cut++) {
            assertMalformed(Arrays.copyOf(good, cut));
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertMalformed(trailing);
        byte[] version = good.clone();
        version[0] = 2;
        assertMalformed(version);
        // "a" twice
        byte[] repeated = new BodyWriter().u8(1).text("x").u16(2).text("a").text("a").i32(5000).bytes(new byte[4])
                .bytes(new byte[4]).toBytes();
        assertMalformed(repeated);
        byte[] control = new BodyWriter().u8(1).text("x\u0007").u16(0).i32(5000).bytes(new byte[4])
                .bytes(new byte[4]).toBytes();
        assertMalformed(control);
        byte[] tooFast = new BodyWriter().u8(1).text("x").u16(0).i32(1).bytes(new byte[4]).bytes(new byte[4])
                .toBytes();
        assertMalformed(tooFast);
        RejectedMessageException oversized = assertThrows(RejectedMessageException.class,
                () -> PresenceBody.decode(new byte[PresenceBody.MAX_BYTES + 1]));
        assertEquals(RejectionReason.OVERSIZED, oversized.reason());
    }

    @Test
    void givenAHeartbeat_whenDecoded_thenItShowsAsHealth() throws Exception {
        HeartbeatBody body = HeartbeatBody.decode(new HeartbeatBody(420, 1_000_000, 153).encode());
        assertEquals(Map.of("load", "0.420", "freeHeapBytes", "1000000", "brokerRttMicros", "153"), body.toHealth());
        assertEquals(Map.of("freeHeapBytes", "5"), new HeartbeatBody(-1, 5, -1).toHealth());
        byte[] good = body.encode();
        assertMalformed(Arrays.copyOf(good, 24), HeartbeatBody::decode);
        byte[] negative = new BodyWriter().u8(1).i64(-5).i64(1).i64(1).toBytes();
        assertMalformed(negative, HeartbeatBody::decode);
        assertEquals(RejectionReason.OVERSIZED, assertThrows(RejectedMessageException.class,
                () -> HeartbeatBody.decode(new byte[26])).reason());
    }

    private static void assertMalformed(byte[] body) {
        assertMalformed(body, PresenceBody::decode);
    }

    private interface Decoder {
        Object decode(byte[] body) throws RejectedMessageException;
    }

    private static void assertMalformed(byte[] body, Decoder decoder) {
        RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> decoder.decode(body),
                () -> "accepted " + Arrays.toString(body));
        assertEquals(RejectionReason.MALFORMED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }
}

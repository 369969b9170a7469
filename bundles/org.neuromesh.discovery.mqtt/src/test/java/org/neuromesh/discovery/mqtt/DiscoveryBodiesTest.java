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
        PresenceBody body = new PresenceBody("Lab PC", Set.of("rule:eligibility", "free-nodes:128"), 5000, KEYS, 42L, 3);
        assertEquals(body, PresenceBody.decode(body.encode()));
    }

    @Test
    void givenBrokenPresenceBodies_whenDecoded_thenEachIsRejectedAsMalformed() {
        byte[] good = new PresenceBody("x", Set.of("a", "b"), 5000, KEYS, 1L, 1).encode();
        for (int cut = 0; cut < good.length; cut++) {
            assertMalformed(Arrays.copyOf(good, cut));
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertMalformed(trailing);
        byte[] version = good.clone();
        version[0] = 1;
        assertMalformed(version, "version");
        // "a" twice
        byte[] repeated = new BodyWriter().u8(2).text("x").u16(2).text("a").text("a").i32(5000).bytes(new byte[4])
                .bytes(new byte[4]).i64(1).i32(1).toBytes();
        assertMalformed(repeated, "repeated");
        byte[] control = new BodyWriter().u8(2).text("x\u0007").u16(0).i32(5000).bytes(new byte[4])
                .bytes(new byte[4]).i64(1).i32(1).toBytes();
        assertMalformed(control, "control");
        byte[] tooFast = new BodyWriter().u8(2).text("x").u16(0).i32(1).bytes(new byte[4]).bytes(new byte[4])
                .i64(1).i32(1).toBytes();
        assertMalformed(tooFast, "heartbeat interval");
        byte[] noConnection = new BodyWriter().u8(2).text("x").u16(0).i32(5000).bytes(new byte[44])
                .bytes(new byte[] {1, 2, 3}).i64(1).i32(0).toBytes();
        assertMalformed(noConnection, "connection");
        RejectedMessageException oversized = assertThrows(RejectedMessageException.class,
                () -> PresenceBody.decode(new byte[PresenceBody.MAX_BYTES + 1]));
        assertEquals(RejectionReason.OVERSIZED, oversized.reason());
    }

    @Test
    void givenAHeartbeat_whenDecoded_thenItShowsAsHealth() throws Exception {
        HeartbeatBody body = HeartbeatBody.decode(new HeartbeatBody(7L, 9L, 420, 1_000_000, 153).encode());
        assertEquals(Map.of("load", "0.420", "freeHeapBytes", "1000000", "brokerRttMicros", "153"), body.toHealth());
        assertEquals(Map.of("freeHeapBytes", "5"), new HeartbeatBody(7L, 1L, -1, 5, -1).toHealth());
        byte[] good = body.encode();
        assertEquals(7L, body.run());
        assertEquals(9L, body.sequence());
        assertMalformed(Arrays.copyOf(good, 40), HeartbeatBody::decode);
        byte[] negative = new BodyWriter().u8(2).i64(7).i64(1).i64(-5).i64(1).i64(1).toBytes();
        assertMalformed(negative, HeartbeatBody::decode, "load");
        byte[] noSequence = new BodyWriter().u8(2).i64(7).i64(0).i64(1).i64(1).i64(1).toBytes();
        assertMalformed(noSequence, HeartbeatBody::decode, "sequence");
        assertEquals(RejectionReason.OVERSIZED, assertThrows(RejectedMessageException.class,
                () -> HeartbeatBody.decode(new byte[42])).reason());
    }

    @Test
    void givenAGoodbye_whenDecoded_thenItNamesItsRunAndConnection() throws Exception {
        GoodbyeBody body = GoodbyeBody.decode(new GoodbyeBody(-3L, 2).encode());
        assertEquals(new GoodbyeBody(-3L, 2), body);
        assertTrue(body.ends(new PresenceBody("x", Set.of(), 5000, KEYS, -3L, 2)));
        assertTrue(!body.ends(new PresenceBody("x", Set.of(), 5000, KEYS, -3L, 3)));
        assertMalformed(Arrays.copyOf(body.encode(), 12), GoodbyeBody::decode);
        assertMalformed(new byte[0], GoodbyeBody::decode);
        assertMalformed(new BodyWriter().u8(1).i64(1).i32(0).toBytes(), GoodbyeBody::decode, "connection");
    }

    private static void assertMalformed(byte[] body, String mentioned) {
        assertMalformed(body, PresenceBody::decode, mentioned);
    }

    private static void assertMalformed(byte[] body, Decoder decoder, String mentioned) {
        RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> decoder.decode(body));
        assertEquals(RejectionReason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
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

package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

class WireFormatTest {

    private static final PeerId ALICE = new PeerId("a1".repeat(32));
    private static final PeerId BOB = new PeerId("b2".repeat(32));
    private static final PeerId CAROL = new PeerId("c3".repeat(32));
    private static final Instant WHEN = Instant.parse("2026-11-25T12:00:00.123456789Z");

    private final WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);

    private static SealedCapsule capsule() {
        return new SealedCapsule("capsule-1", ALICE, List.of(BOB, CAROL), new byte[] {1, 2, 3, 4, 5},
                new byte[] {9, 9, 9}, WHEN);
    }

    private static SignedControlMessage control(PeerId recipient) {
        return new SignedControlMessage("session.propose", ALICE, recipient, "{\"rounds\":3}".getBytes(), 42L, WHEN,
                new byte[] {7, 7});
    }

    private static SignedAuditRecord audit() {
        return new SignedAuditRecord(new AuditRecord("record-1", WHEN, ALICE, AuditAction.NODES_LENT, "packet-9", BOB,
                -12, new byte[32]), new byte[] {5});
    }

    @Test
    void givenEachKindOfMessage_whenEncodedAndDecoded_thenEveryFieldSurvives() throws Exception {
        SealedCapsule capsule = (SealedCapsule) roundTrip(capsule());
        assertEquals("capsule-1", capsule.capsuleId());
        assertEquals(List.of(BOB, CAROL), capsule.recipients());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, capsule.ciphertext());
        assertArrayEquals(new byte[] {9, 9, 9}, capsule.signature());
        assertEquals(WHEN, capsule.sealedAt());

        SignedControlMessage broadcast = (SignedControlMessage) roundTrip(control(null));
        assertTrue(broadcast.addressee().isEmpty());
        assertEquals(42L, broadcast.nonce());
        assertEquals("{\"rounds\":3}", new String(broadcast.body()));
        SignedControlMessage addressed = (SignedControlMessage) roundTrip(control(BOB));
        assertEquals(BOB, addressed.recipient());

        SignedAuditRecord record = (SignedAuditRecord) roundTrip(audit());
        assertEquals(AuditAction.NODES_LENT, record.record().action());
        assertEquals(-12, record.record().credits());
        assertEquals(BOB, record.record().counterparty());
    }

    @Test
    void givenAMessage_whenItsSignedContentIsTaken_thenItIsTheEncodingWithoutTheTrailingSignature() throws Exception {
        for (Outbound message : List.of(capsule(), control(BOB), audit())) {
            byte[] encoded = format.encode(message);
            byte[] content = WireFormat.signedContent(message);
            int signatureField = 4 + message.signature().length;
            assertArrayEquals(Arrays.copyOf(encoded, encoded.length - signatureField), content);
        }
        SealedCapsule capsule = capsule();
        assertArrayEquals(WireFormat.signedContent(capsule), WireFormat.capsuleContent(capsule.capsuleId(),
                capsule.sender(), capsule.recipients(), capsule.ciphertext(), capsule.sealedAt()));
    }

    @Test
    void givenAnEncodedMessage_whenTruncatedAtAnyLength_thenItIsRejectedAsMalformed() throws Exception {
        for (Outbound message : List.of(capsule(), control(BOB), audit())) {
            byte[] encoded = format.encode(message);
            for (int length = 0; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                RejectedMessageException rejected = assertThrows(RejectedMessageException.class,
                        () -> format.decode(truncated), "length " + length);
                assertEquals(RejectionReason.MALFORMED, rejected.reason());
            }
        }
    }

    @Test
    void givenRandomGarbageOrCorruptedMessages_whenDecoded_thenOnlyRejectionsOrValidMessagesComeOut() throws Exception {
        Random random = new Random(7);
        byte[] valid = format.encode(control(BOB));
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(200)];
                random.nextBytes(input);
            } else {
                input = valid.clone();
                input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                format.decode(input);
            } catch (RejectedMessageException e) {
                rejected++;
            }
        }
        assertTrue(rejected > 10_000, "garbage must be rejected, only " + rejected + " were");
    }

    @Test
    void givenTrailingBytes_whenDecoded_thenTheyAreNamed() throws Exception {
        byte[] encoded = format.encode(control(null));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 3);
        RejectedMessageException rejected = assertThrows(RejectedMessageException.class, () -> format.decode(longer));
        assertTrue(rejected.getMessage().contains("3 unexpected bytes"), rejected.getMessage());
    }

    @Test
    void givenAnotherFormatVersion_whenDecoded_thenTheVersionIsNamed() throws Exception {
        byte[] encoded = format.encode(control(null));
        encoded[2] = 9;
        RejectedMessageException rejected = assertThrows(RejectedMessageException.class, () -> format.decode(encoded));
        assertTrue(rejected.getMessage().contains("version 9"), rejected.getMessage());
    }

    @Test
    void givenAMessageAboveTheLimit_whenEncodedOrDecoded_thenTheLimitIsNamed() throws Exception {
        WireFormat small = new WireFormat(2048);
        SignedControlMessage big = new SignedControlMessage("memory.share", ALICE, BOB, new byte[4096], 1, WHEN,
                new byte[] {1});
        IOException refused = assertThrows(IOException.class, () -> small.encode(big));
        assertTrue(refused.getMessage().contains("limit of 2048"), refused.getMessage());

        byte[] encoded = format.encode(big);
        RejectedMessageException rejected = assertThrows(RejectedMessageException.class, () -> small.decode(encoded));
        assertEquals(RejectionReason.OVERSIZED, rejected.reason());
    }

    @Test
    void givenALengthFieldLargerThanTheMessage_whenDecoded_thenNoHugeArrayIsAllocatedAndItIsRejected() throws Exception {
        byte[] encoded = format.encode(control(null));
        // the body length sits 4 + 1 + 4 + 8 bytes before the signature field's end; set it to 2^31-1
        int bodyLengthAt = encoded.length - (4 + 2) - (4 + control(null).body().length) ;
        encoded[bodyLengthAt] = 0x7F;
        encoded[bodyLengthAt + 1] = (byte) 0xFF;
        RejectedMessageException rejected = assertThrows(RejectedMessageException.class, () -> format.decode(encoded));
        assertEquals(RejectionReason.MALFORMED, rejected.reason());
        assertTrue(rejected.getMessage().contains("body declares"), rejected.getMessage());
    }

    private Outbound roundTrip(Outbound message) throws Exception {
        return format.decode(format.encode(message));
    }
}

package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromesh.crypto.SealingTest.assertRejected;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.security.RejectionReason;

class CapsuleCodecTest {

    @Test
    void givenACapsule_whenEncodedAndDecoded_thenEveryFieldSurvivesAndTheEncodingIsStable() throws Exception {
        Capsule capsule = Peer.capsule("c-1", PrivacyLevel.MASKED, 300);

        byte[] encoded = CapsuleCodec.encode(capsule);
        Capsule decoded = CapsuleCodec.decode(encoded);

        assertEquals(capsule.id(), decoded.id());
        assertEquals(capsule.kind(), decoded.kind());
        assertEquals(capsule.privacy(), decoded.privacy());
        assertEquals(capsule.tags(), decoded.tags());
        assertArrayEquals(capsule.embedding(), decoded.embedding());
        assertArrayEquals(capsule.payload(), decoded.payload());
        assertEquals(capsule.createdAt(), decoded.createdAt());
        assertArrayEquals(encoded, CapsuleCodec.encode(decoded));
    }

    @Test
    void givenATruncatedOrExtendedEncoding_whenDecoded_thenMalformed() {
        byte[] encoded = CapsuleCodec.encode(Peer.capsule("c-1", PrivacyLevel.MASKED, 30));

        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertRejected(RejectionReason.MALFORMED, () -> CapsuleCodec.decode(truncated));
        }
        assertRejected(RejectionReason.MALFORMED, () -> CapsuleCodec.decode(Arrays.copyOf(encoded,
                encoded.length + 1)));
    }
}

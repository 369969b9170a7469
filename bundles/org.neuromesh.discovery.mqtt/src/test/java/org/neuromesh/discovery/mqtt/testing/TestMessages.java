package org.neuromesh.discovery.mqtt.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;

/**
 * Well-formed messages for transport tests that do not involve signatures (transports verify nothing): the
 * signature bytes are placeholders.
 */
public final class TestMessages {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SIGNATURE = new byte[64];

    private TestMessages() {
    }

    /** A random peer id (64 hex digits). */
    public static PeerId peerId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new PeerId(HexFormat.of().formatHex(bytes));
    }

    public static SealedCapsule capsule(String id, PeerId sender, List<PeerId> recipients, int ciphertextBytes) {
        byte[] ciphertext = new byte[ciphertextBytes];
        RANDOM.nextBytes(ciphertext);
        return new SealedCapsule(id, sender, recipients, ciphertext, SIGNATURE, Instant.now());
    }

    public static SignedControlMessage control(String type, PeerId sender, PeerId recipientOrNull) {
        return new SignedControlMessage(type, sender, recipientOrNull, "{}".getBytes(), RANDOM.nextLong(),
                Instant.now(), SIGNATURE);
    }

    public static SignedAuditRecord audit(PeerId actor, String subject) {
        return new SignedAuditRecord(new AuditRecord("record-" + RANDOM.nextInt(Integer.MAX_VALUE), Instant.now(),
                actor, AuditAction.values()[0], subject, null, 0, new byte[32]), SIGNATURE);
    }
}

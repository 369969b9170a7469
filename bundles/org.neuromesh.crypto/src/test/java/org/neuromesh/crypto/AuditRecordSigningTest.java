package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromesh.crypto.SealingTest.assertRejected;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.security.RejectionReason;

class AuditRecordSigningTest {

    private final WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);

    private static AuditRecord record(String id, PeerId actor, PeerId counterparty, Instant at) {
        return new AuditRecord(id, at, actor, AuditAction.CAPSULE_SHARED, "capsule-9", counterparty, 12, new byte[32]);
    }

    @Test
    void givenARecordOfThisPeer_whenSignedSentAndVerified_thenAccepted() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);

        SignedAuditRecord signed = alice.security.sign(record("r1", alice.id(), bob.id(), Peer.START));

        bob.security.verify(wire.decode(wire.encode(signed)));
    }

    @Test
    void givenARecordNamingAnotherActor_whenSigned_thenRefused() {
        Peer alice = Peer.create();
        Peer bob = Peer.create();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> alice.security.sign(record("r1", bob.id(), alice.id(), Peer.START)));
        assertTrue(e.getMessage().contains("r1") && e.getMessage().contains(bob.id().shortForm()), e.getMessage());
    }

    @Test
    void givenAChangedRecord_whenVerified_thenForgedSignature() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedAuditRecord signed = alice.security.sign(record("r1", alice.id(), bob.id(), Peer.START));
        AuditRecord original = signed.record();
        AuditRecord moreCredits = new AuditRecord(original.id(), original.timestamp(), original.actor(),
                original.action(), original.subject(), original.counterparty(), 1200, original.contentHash());

        assertRejected(RejectionReason.FORGED_SIGNATURE,
                () -> bob.security.verify(new SignedAuditRecord(moreCredits, signed.signature())));
        bob.security.verify(signed);
    }

    @Test
    void givenAnAcceptedRecord_whenItArrivesAgain_thenReplayed() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedAuditRecord signed = alice.security.sign(record("r1", alice.id(), null, Peer.START));
        bob.security.verify(signed);

        assertRejected(RejectionReason.REPLAYED, () -> bob.security.verify(signed));
    }

    @Test
    void givenARecordFromTheOutbox_whenVerifiedInsideOrOutsideTheCapsuleWindow_thenAcceptedOrStale()
            throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedAuditRecord hoursOld = alice.security.sign(record("r1", alice.id(), null, Peer.START));
        SignedAuditRecord dayOld = alice.security.sign(record("r2", alice.id(), null, Peer.START));
        SignedAuditRecord future = alice.security.sign(record("r3", alice.id(), null, Peer.START.plusSeconds(
                20 * 3600 + 121)));

        bob.clock.advance(Duration.ofHours(20));
        bob.security.verify(hoursOld);
        assertRejected(RejectionReason.STALE, () -> bob.security.verify(future));
        bob.clock.advance(Duration.ofHours(4).plusSeconds(1));
        assertRejected(RejectionReason.STALE, () -> bob.security.verify(dayOld));
    }
}

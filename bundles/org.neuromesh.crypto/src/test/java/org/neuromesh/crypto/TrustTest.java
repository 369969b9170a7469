package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromesh.crypto.SealingTest.assertRejected;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectionReason;

/** Learning other peers' keys: the id must be their fingerprint, and keys never change. */
class TrustTest {

    @Test
    void givenAnIdentity_thenItsIdIsTheHexSha256OfItsX509SigningKey() throws Exception {
        Peer alice = Peer.create();
        byte[] signingKey = alice.security.publicKeys().signingKey();

        String expected = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(signingKey));
        assertEquals(expected, alice.id().value());
        assertEquals(64, alice.id().value().length());
        assertEquals(44, signingKey.length);
    }

    @Test
    void givenKeysThatDoNotHashToTheId_whenTrusted_thenForgedSignature() {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer mallory = Peer.create();

        assertRejected(RejectionReason.FORGED_SIGNATURE,
                () -> bob.security.trust(alice.id(), mallory.security.publicKeys()));
        assertTrue(bob.security.keysOf(alice.id()).isEmpty());
    }

    @Test
    void givenAKnownPeer_whenOtherKeysAreOfferedForItsId_thenRefusedAndTheKnownKeysStay() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer mallory = Peer.create();
        bob.security.trust(alice.id(), alice.security.publicKeys());
        // alice's signing key (so the fingerprint fits) with mallory's agreement key
        PublicKeys substituted = new PublicKeys(alice.security.publicKeys().signingKey(),
                mallory.security.publicKeys().agreementKey());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.trust(alice.id(), substituted));
        assertEquals(alice.security.publicKeys(), bob.security.keysOf(alice.id()).orElseThrow());
        bob.security.trust(alice.id(), alice.security.publicKeys()); // the same keys again are fine
    }

    @Test
    void givenThisPeersOwnId_whenOtherKeysAreOffered_thenRefused() {
        Peer alice = Peer.create();
        Peer mallory = Peer.create();
        PublicKeys substituted = new PublicKeys(alice.security.publicKeys().signingKey(),
                mallory.security.publicKeys().agreementKey());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> alice.security.trust(alice.id(), substituted));
    }

    @Test
    void givenKeysThatAreNotEd25519AndX25519_whenTrusted_thenMalformed() {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        PublicKeys keys = alice.security.publicKeys();
        PublicKeys swapped = new PublicKeys(keys.agreementKey(), keys.signingKey());
        PeerId idOfSwapped = PeerKeys.fingerprint(keys.agreementKey());
        byte[] padded = ByteBuffer.allocate(45).put(keys.signingKey()).array();

        assertRejected(RejectionReason.MALFORMED, () -> bob.security.trust(idOfSwapped, swapped));
        assertRejected(RejectionReason.MALFORMED, () -> bob.security.trust(PeerKeys.fingerprint(padded),
                new PublicKeys(padded, keys.agreementKey())));
    }

    @Test
    void givenAnAnnouncementSignedWithTheAnnouncedKeys_whenChecked_thenTheKeysAreProven() throws Exception {
        Peer alice = Peer.create();
        Peer mallory = Peer.create();
        PublicKeys keys = alice.security.publicKeys();
        SignedControlMessage announcement = alice.security.sign("presence.announce", null, keys.agreementKey());

        assertEquals(alice.id(), PeerKeys.fromSignedAnnouncement(announcement, keys).id());

        // mallory replays alice's signing key with her own agreement key under alice's id; she cannot sign for it
        PublicKeys substituted = new PublicKeys(keys.signingKey(), mallory.security.publicKeys().agreementKey());
        SignedControlMessage forged = new SignedControlMessage("presence.announce", alice.id(), null,
                substituted.agreementKey(), 1, Peer.START, mallory.identity.sign(WireFormat.controlContent(
                        "presence.announce", alice.id(), null, substituted.agreementKey(), 1, Peer.START)));
        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> PeerKeys.fromSignedAnnouncement(forged, substituted));
        // and her own keys do not fit alice's id
        assertRejected(RejectionReason.FORGED_SIGNATURE,
                () -> PeerKeys.fromSignedAnnouncement(forged, mallory.security.publicKeys()));
    }
}

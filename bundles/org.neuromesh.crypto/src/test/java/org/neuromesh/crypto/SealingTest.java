package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.api.security.SealingException;

/** Sealing and opening capsules between real peers with real keys. */
class SealingTest {

    private final WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);

    @Test
    void givenOneRecipient_whenSealedSentAndOpened_thenEveryFieldIsEqual() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        Capsule capsule = Peer.capsule("capsule-1", PrivacyLevel.MASKED, 5000);

        SealedCapsule sealed = alice.security.seal(capsule, List.of(bob.id()));
        Capsule opened = bob.security.open((SealedCapsule) wire.decode(wire.encode(sealed)));

        assertSameCapsule(capsule, opened);
        assertEquals(alice.id(), sealed.sender());
        assertEquals(Peer.START, sealed.sealedAt());
    }

    @Test
    void givenThreeRecipients_whenEachOpensTheSameSealedCapsule_thenEachGetsEveryField() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer dave = Peer.create();
        Peer.introduce(alice, bob, carol, dave);
        Capsule capsule = Peer.capsule("capsule-3", PrivacyLevel.SHAREABLE, 20_000);

        byte[] sent = wire.encode(alice.security.seal(capsule, Peer.ids(bob, carol, dave)));

        for (Peer recipient : List.of(bob, carol, dave)) {
            assertSameCapsule(capsule, recipient.security.open((SealedCapsule) wire.decode(sent)));
        }
    }

    @Test
    void givenAPeerNotAmongTheRecipients_whenItOpensTheCapsule_thenNotForMe() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer eve = Peer.create();
        Peer.introduce(alice, bob, eve);
        SealedCapsule sealed = alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100), List.of(bob.id()));

        assertRejected(RejectionReason.NOT_FOR_ME, () -> eve.security.open(sealed));
        assertRejected(RejectionReason.NOT_FOR_ME, () -> eve.security.verify(sealed));
    }

    @Test
    void givenAPeerAddedToTheRecipientList_whenItOpens_thenTheSignatureFails() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer eve = Peer.create();
        Peer.introduce(alice, bob, eve);
        SealedCapsule sealed = alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100), List.of(bob.id()));

        SealedCapsule widened = new SealedCapsule(sealed.capsuleId(), sealed.sender(), List.of(bob.id(), eve.id()),
                sealed.ciphertext(), sealed.signature(), sealed.sealedAt());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> eve.security.open(widened));
    }

    @Test
    void givenAFlippedBitInAnyByteOfTheCiphertext_whenOpened_thenForgedSignature() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        Capsule capsule = Peer.capsule("c", PrivacyLevel.MASKED, 16);
        SealedCapsule sealed = alice.security.seal(capsule, List.of(bob.id()));
        byte[] ciphertext = sealed.ciphertext();

        for (int i = 0; i < ciphertext.length; i++) {
            byte[] flipped = ciphertext.clone();
            flipped[i] ^= (byte) (1 << (i % 8)); // every byte, each bit position in turn
            SealedCapsule tampered = new SealedCapsule(sealed.capsuleId(), sealed.sender(), sealed.recipients(),
                    flipped, sealed.signature(), sealed.sealedAt());
            assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.open(tampered));
        }
        assertSameCapsule(capsule, bob.security.open(sealed));
    }

    @Test
    void givenAnyOtherFieldChanged_whenOpened_thenForgedSignature() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer.introduce(alice, bob, carol);
        SealedCapsule s = alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100),
                List.of(bob.id(), carol.id()));
        byte[] signature = s.signature();
        signature[10] ^= 0x40;

        List<SealedCapsule> tampered = List.of(
                new SealedCapsule("d", s.sender(), s.recipients(), s.ciphertext(), s.signature(), s.sealedAt()),
                new SealedCapsule(s.capsuleId(), carol.id(), s.recipients(), s.ciphertext(), s.signature(),
                        s.sealedAt()),
                new SealedCapsule(s.capsuleId(), s.sender(), List.of(carol.id(), bob.id()), s.ciphertext(),
                        s.signature(), s.sealedAt()),
                new SealedCapsule(s.capsuleId(), s.sender(), List.of(bob.id()), s.ciphertext(), s.signature(),
                        s.sealedAt()),
                new SealedCapsule(s.capsuleId(), s.sender(), s.recipients(), s.ciphertext(), s.signature(),
                        s.sealedAt().plusNanos(1)),
                new SealedCapsule(s.capsuleId(), s.sender(), s.recipients(), s.ciphertext(), signature,
                        s.sealedAt()));

        for (SealedCapsule capsule : tampered) {
            assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.open(capsule));
        }
        bob.security.open(s);
    }

    @Test
    void givenAFlippedBitInAnyByteOfTheEncodedMessage_whenDecodedAndOpened_thenItIsNeverAccepted() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        byte[] sent = wire.encode(alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 16),
                List.of(bob.id())));
        Set<RejectionReason> expected = Set.of(RejectionReason.MALFORMED, RejectionReason.FORGED_SIGNATURE,
                RejectionReason.UNKNOWN_SENDER, RejectionReason.OVERSIZED);

        for (int i = 0; i < sent.length; i++) {
            byte[] flipped = sent.clone();
            flipped[i] ^= (byte) (1 << (i % 8)); // every byte, each bit position in turn
            String where = "byte " + i;
            RejectedMessageException e = assertThrows(RejectedMessageException.class,
                    () -> bob.security.open((SealedCapsule) wire.decode(flipped)), where);
            assertTrue(expected.contains(e.reason()), where + ": " + e.getMessage());
        }
    }

    @Test
    void givenAnAttackerResigningACapsuleUnderTheVictimsId_whenOpened_thenForgedSignature() throws Exception {
        Peer victim = Peer.create();
        Peer bob = Peer.create();
        Peer mallory = Peer.create();
        Peer.introduce(victim, bob, mallory);
        // mallory seals her own content to bob with her keys, then claims the victim sent it
        SealedCapsule own = mallory.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100), List.of(bob.id()));
        byte[] signature = mallory.identity.sign(WireFormat.capsuleContent(own.capsuleId(), victim.id(),
                own.recipients(), own.ciphertext(), own.sealedAt()));
        SealedCapsule claimed = new SealedCapsule(own.capsuleId(), victim.id(), own.recipients(), own.ciphertext(),
                signature, own.sealedAt());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.open(claimed));
    }

    @Test
    void givenAForgedCopyArrivingFirst_whenTheGenuineCapsuleArrives_thenTheGenuineOneOpens() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer mallory = Peer.create();
        Peer.introduce(alice, bob, mallory);
        Capsule capsule = Peer.capsule("c", PrivacyLevel.MASKED, 100);
        SealedCapsule genuine = alice.security.seal(capsule, List.of(bob.id()));
        SealedCapsule forgery = new SealedCapsule(genuine.capsuleId(), alice.id(), genuine.recipients(),
                mallory.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100), List.of(bob.id())).ciphertext(),
                genuine.signature(), genuine.sealedAt());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.open(forgery));
        assertSameCapsule(capsule, bob.security.open(genuine));
    }

    @Test
    void givenACapsuleOpenedOnce_whenItArrivesAgain_thenReplayed() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SealedCapsule sealed = alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 100), List.of(bob.id()));
        bob.security.open(sealed);

        assertRejected(RejectionReason.REPLAYED, () -> bob.security.open(sealed));
        assertRejected(RejectionReason.REPLAYED, () -> bob.security.verify(sealed));
        bob.security.verifySignature(sealed);
    }

    @Test
    void givenACapsuleOlderThanTheCapsuleWindow_whenOpened_thenStale() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SealedCapsule old = alice.security.seal(Peer.capsule("old", PrivacyLevel.MASKED, 10), List.of(bob.id()));
        SealedCapsule recent = alice.security.seal(Peer.capsule("recent", PrivacyLevel.MASKED, 10),
                List.of(bob.id()));
        bob.clock.advance(Duration.ofDays(1));
        bob.security.open(recent); // exactly a day: still inside

        bob.clock.advance(Duration.ofSeconds(1));
        RejectedMessageException e = assertRejected(RejectionReason.STALE, () -> bob.security.open(old));
        assertTrue(e.getMessage().contains("86401 s ago"), e.getMessage());
    }

    @Test
    void givenACapsuleDatedBeyondTheClockSkew_whenOpened_thenStale() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        alice.clock.advance(Duration.ofSeconds(30));
        SealedCapsule skewed = alice.security.seal(Peer.capsule("a", PrivacyLevel.MASKED, 10), List.of(bob.id()));
        alice.clock.advance(Duration.ofSeconds(1));
        SealedCapsule future = alice.security.seal(Peer.capsule("b", PrivacyLevel.MASKED, 10), List.of(bob.id()));

        bob.security.open(skewed);
        assertRejected(RejectionReason.STALE, () -> bob.security.open(future));
    }

    @Test
    void givenAPrivateCapsule_whenSealed_thenRefusedNamingTheCapsule() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);

        SealingException e = assertThrows(SealingException.class,
                () -> alice.security.seal(Peer.capsule("diary-7", PrivacyLevel.PRIVATE, 10), List.of(bob.id())));
        assertTrue(e.getMessage().contains("diary-7") && e.getMessage().contains("PRIVATE"), e.getMessage());
    }

    @Test
    void givenAHostilePeerSealingPrivateContentByHand_whenOpened_thenPrivateContent() throws Exception {
        Peer mallory = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(mallory, bob);
        byte[] privateCapsule = CapsuleCodec.encode(Peer.capsule("diary-7", PrivacyLevel.PRIVATE, 10));
        SealedCapsule sealed = sealByHand(mallory, bob, "diary-7", Compression.deflate(privateCapsule));

        assertRejected(RejectionReason.PRIVATE_CONTENT, () -> bob.security.open(sealed));
    }

    @Test
    void givenADecompressionBomb_whenOpened_thenUnreadableNamingTheLimit() throws Exception {
        Peer mallory = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(mallory, bob);
        // 80 MiB of zeros deflate to about 80 KB; bob's limit is 64 MiB
        byte[] bomb = deflatedZeros(80 << 20);
        assertTrue(bomb.length < WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
        SealedCapsule sealed = sealByHand(mallory, bob, "bomb", bomb);

        RejectedMessageException e = assertRejected(RejectionReason.UNREADABLE, () -> bob.security.open(sealed));
        assertTrue(e.getMessage().contains("limit of " + (64 << 20) + " bytes"), e.getMessage());
    }

    @Test
    void givenACapsuleLargerThanTheReceiversLimit_whenOpened_thenUnreadable() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create(new SecurityLimits(100_000, 1000, 1000));
        Peer.introduce(alice, bob);
        SealedCapsule sealed = alice.security.seal(
                new Capsule("big", "k", PrivacyLevel.MASKED, Set.of(), null, new byte[200_000], Peer.START),
                List.of(bob.id()));

        RejectedMessageException e = assertRejected(RejectionReason.UNREADABLE, () -> bob.security.open(sealed));
        assertTrue(e.getMessage().contains("limit of 100000 bytes"), e.getMessage());
    }

    @Test
    void givenACapsuleLargerThanTheSendersLimit_whenSealed_thenRefused() throws Exception {
        Peer alice = Peer.create(new SecurityLimits(100_000, 1000, 1000));
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);

        SealingException e = assertThrows(SealingException.class, () -> alice.security.seal(
                new Capsule("big", "k", PrivacyLevel.MASKED, Set.of(), null, new byte[200_000], Peer.START),
                List.of(bob.id())));
        assertTrue(e.getMessage().contains("big") && e.getMessage().contains("100000"), e.getMessage());
    }

    @Test
    void givenSealedContentHoldingAnotherCapsule_whenOpened_thenUnreadable() throws Exception {
        Peer mallory = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(mallory, bob);
        byte[] other = CapsuleCodec.encode(Peer.capsule("other", PrivacyLevel.MASKED, 10));
        SealedCapsule sealed = sealByHand(mallory, bob, "outer", Compression.deflate(other));

        RejectedMessageException e = assertRejected(RejectionReason.UNREADABLE, () -> bob.security.open(sealed));
        assertTrue(e.getMessage().contains("another id"), e.getMessage());
    }

    @Test
    void givenSignedGarbageAsCiphertext_whenOpened_thenMalformed() throws Exception {
        Peer mallory = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(mallory, bob);
        byte[] garbage = new byte[200];
        new SecureRandom().nextBytes(garbage);
        byte[] signature = mallory.identity.sign(WireFormat.capsuleContent("g", mallory.id(), List.of(bob.id()),
                garbage, Peer.START));
        SealedCapsule sealed = new SealedCapsule("g", mallory.id(), List.of(bob.id()), garbage, signature,
                Peer.START);

        assertRejected(RejectionReason.MALFORMED, () -> bob.security.open(sealed));
    }

    @Test
    void givenAWrappedKeyOfAnotherRecipient_whenOpened_thenUnreadable() throws Exception {
        Peer mallory = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer.introduce(mallory, bob, carol);
        // mallory lists bob and carol but puts carol's wrapped key in bob's place too
        SealedCapsule honest = mallory.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 10),
                Peer.ids(bob, carol));
        byte[] ciphertext = honest.ciphertext();
        int wrapped = 1 + SealedEnvelope.EPHEMERAL_KEY_BYTES + 2;
        System.arraycopy(ciphertext, wrapped + SealedEnvelope.WRAPPED_KEY_BYTES, ciphertext, wrapped,
                SealedEnvelope.WRAPPED_KEY_BYTES);
        byte[] signature = mallory.identity.sign(WireFormat.capsuleContent("c", mallory.id(), honest.recipients(),
                ciphertext, honest.sealedAt()));
        SealedCapsule swapped = new SealedCapsule("c", mallory.id(), honest.recipients(), ciphertext, signature,
                honest.sealedAt());

        assertRejected(RejectionReason.UNREADABLE, () -> bob.security.open(swapped));
        carol.security.open(swapped);
    }

    @Test
    void givenASenderWhoseKeysAreUnknown_whenOpened_thenUnknownSender() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        alice.security.trust(bob.id(), bob.security.publicKeys());
        SealedCapsule sealed = alice.security.seal(Peer.capsule("c", PrivacyLevel.MASKED, 10), List.of(bob.id()));

        assertRejected(RejectionReason.UNKNOWN_SENDER, () -> bob.security.open(sealed));
    }

    @Test
    void givenRecipientsWithUnknownKeys_whenSealed_thenRefusedNamingThem() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer stranger = Peer.create();
        Peer other = Peer.create();
        Peer.introduce(alice, bob);

        SealingException e = assertThrows(SealingException.class, () -> alice.security.seal(
                Peer.capsule("c", PrivacyLevel.MASKED, 10), Peer.ids(bob, stranger, other)));
        assertTrue(e.getMessage().contains(stranger.id().value()) && e.getMessage().contains(other.id().value())
                && !e.getMessage().contains(bob.id().value()), e.getMessage());
    }

    @Test
    void givenNoRecipients_whenSealed_thenRefused() {
        Peer alice = Peer.create();

        SealingException e = assertThrows(SealingException.class,
                () -> alice.security.seal(Peer.capsule("lonely", PrivacyLevel.MASKED, 10), Collections.emptyList()));
        assertTrue(e.getMessage().contains("lonely"), e.getMessage());
    }

    @Test
    void givenACapsuleSealedToItself_whenOpened_thenItOpens() throws Exception {
        Peer alice = Peer.create();
        Capsule capsule = Peer.capsule("note", PrivacyLevel.SHAREABLE, 10);

        assertSameCapsule(capsule, alice.security.open(alice.security.seal(capsule, List.of(alice.id()))));
    }

    @Test
    void givenTheSameCapsuleSealedTwice_thenCiphertextsDiffer() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        Capsule capsule = Peer.capsule("c", PrivacyLevel.MASKED, 100);

        SealedCapsule first = alice.security.seal(capsule, List.of(bob.id()));
        SealedCapsule second = alice.security.seal(capsule, List.of(bob.id()));

        assertTrue(!Arrays.equals(first.ciphertext(), second.ciphertext()));
        byte[] ephemeral1 = Arrays.copyOfRange(first.ciphertext(), 1, 45);
        byte[] ephemeral2 = Arrays.copyOfRange(second.ciphertext(), 1, 45);
        assertTrue(!Arrays.equals(ephemeral1, ephemeral2), "one ephemeral key per capsule");
    }

    /** What a hostile but known peer can send: any compressed content, sealed and signed with its own keys. */
    private static SealedCapsule sealByHand(Peer from, Peer to, String capsuleId, byte[] compressed)
            throws Exception {
        CapsuleSealer sealer = new CapsuleSealer(from.identity, new SecureRandom(), Integer.MAX_VALUE);
        return sealer.sealCompressed(capsuleId, compressed, List.of(to.identity.peerKeys()), from.clock.instant());
    }

    private static byte[] deflatedZeros(int count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[64 * 1024];
        for (int fed = 0; fed < count; fed += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    static RejectedMessageException assertRejected(RejectionReason reason, Action action) {
        RejectedMessageException e = assertThrows(RejectedMessageException.class, action::run);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    interface Action {
        void run() throws Exception;
    }

    private static void assertSameCapsule(Capsule expected, Capsule actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.kind(), actual.kind());
        assertEquals(expected.privacy(), actual.privacy());
        assertEquals(expected.tags(), actual.tags());
        assertArrayEquals(expected.embedding(), actual.embedding());
        assertArrayEquals(expected.payload(), actual.payload());
        assertEquals(expected.createdAt(), actual.createdAt());
    }
}

package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromesh.crypto.SealingTest.assertRejected;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/** Signing and verifying control messages: addressing, time window, replay. */
class ControlMessageTest {

    private final WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);

    @Test
    void givenASignedBroadcast_whenSentAndVerifiedByEveryone_thenEachAcceptsItOnce() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer.introduce(alice, bob, carol);

        SignedControlMessage message = alice.security.sign("presence.heartbeat", null, "{\"load\":0.5}".getBytes());
        byte[] sent = wire.encode(message);

        for (Peer receiver : List.of(bob, carol)) {
            SignedControlMessage received = (SignedControlMessage) wire.decode(sent);
            receiver.security.verify(received);
            assertEquals(alice.id(), received.sender());
            assertArrayEquals("{\"load\":0.5}".getBytes(), received.body());
            assertEquals(Peer.START, received.sentAt());
        }
    }

    @Test
    void givenTwoMessages_whenSigned_thenTheirNoncesDiffer() {
        Peer alice = Peer.create();

        assertNotEquals(alice.security.sign("a", null, null).nonce(), alice.security.sign("a", null, null).nonce());
    }

    @Test
    void givenAMessageForAnotherPeer_whenVerified_thenNotForMe() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer.introduce(alice, bob, carol);

        SignedControlMessage toBob = alice.security.sign("session.propose", bob.id(), new byte[] {1});

        assertRejected(RejectionReason.NOT_FOR_ME, () -> carol.security.verify(toBob));
        bob.security.verify(toBob);
    }

    @Test
    void givenAnAcceptedMessage_whenItArrivesAgain_thenReplayed() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedControlMessage message = alice.security.sign("session.join", bob.id(), null);
        bob.security.verify(message);

        bob.clock.advance(Duration.ofSeconds(60));
        assertRejected(RejectionReason.REPLAYED, () -> bob.security.verify(message));
    }

    @Test
    void givenAMessageOlderThanTheWindow_whenVerified_thenStale() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedControlMessage edge = alice.security.sign("a", null, null);
        SignedControlMessage old = alice.security.sign("a", null, null);
        bob.clock.advance(Duration.ofSeconds(120));
        bob.security.verify(edge);

        bob.clock.advance(Duration.ofMillis(1));
        RejectedMessageException e = assertRejected(RejectionReason.STALE, () -> bob.security.verify(old));
        assertTrue(e.getMessage().contains("120 s"), e.getMessage());
    }

    @Test
    void givenAMessageFromTooFarInTheFuture_whenVerified_thenStale() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        alice.clock.advance(Duration.ofSeconds(30));
        SignedControlMessage edge = alice.security.sign("a", null, null);
        alice.clock.advance(Duration.ofSeconds(1));
        SignedControlMessage future = alice.security.sign("a", null, null);

        bob.security.verify(edge);
        RejectedMessageException e = assertRejected(RejectionReason.STALE, () -> bob.security.verify(future));
        assertTrue(e.getMessage().contains("in the future"), e.getMessage());
    }

    @Test
    void givenAReplayAfterTheWindow_whenVerified_thenStaleAndTheMemoryIsFreed() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedControlMessage message = alice.security.sign("a", null, null);
        bob.security.verify(message);
        assertEquals(1, bob.security.rememberedMessages());

        bob.clock.advance(Duration.ofSeconds(121));
        assertRejected(RejectionReason.STALE, () -> bob.security.verify(message));
        alice.clock.advance(Duration.ofSeconds(121));
        bob.security.verify(alice.security.sign("b", null, null));
        assertEquals(1, bob.security.rememberedMessages());
    }

    @Test
    void givenAForgedCopyArrivingFirst_whenTheGenuineMessageArrives_thenTheGenuineOneIsAccepted() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedControlMessage genuine = alice.security.sign("error.signal", bob.id(), new byte[] {1, 2, 3});
        SignedControlMessage forgery = new SignedControlMessage(genuine.type(), genuine.sender(), genuine.recipient(),
                new byte[] {6, 6, 6}, genuine.nonce(), genuine.sentAt(), genuine.signature());

        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.verify(forgery));
        bob.security.verify(genuine);
    }

    @Test
    void givenAnyFieldChanged_whenVerified_thenForgedSignature() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer carol = Peer.create();
        Peer.introduce(alice, bob, carol);
        SignedControlMessage m = alice.security.sign("session.propose", bob.id(), new byte[] {1});

        List<SignedControlMessage> tampered = List.of(
                new SignedControlMessage("session.cancel", m.sender(), m.recipient(), m.body(), m.nonce(),
                        m.sentAt(), m.signature()),
                new SignedControlMessage(m.type(), carol.id(), m.recipient(), m.body(), m.nonce(), m.sentAt(),
                        m.signature()),
                new SignedControlMessage(m.type(), m.sender(), null, m.body(), m.nonce(), m.sentAt(), m.signature()),
                new SignedControlMessage(m.type(), m.sender(), m.recipient(), m.body(), m.nonce() + 1, m.sentAt(),
                        m.signature()),
                new SignedControlMessage(m.type(), m.sender(), m.recipient(), m.body(), m.nonce(),
                        m.sentAt().plusMillis(1), m.signature()));

        for (SignedControlMessage message : tampered) {
            assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.verify(message));
        }
    }

    @Test
    void givenASenderWhoseKeysAreUnknown_whenVerified_thenUnknownSender() {
        Peer alice = Peer.create();
        Peer bob = Peer.create();

        assertRejected(RejectionReason.UNKNOWN_SENDER, () -> bob.security.verify(alice.security.sign("a", null,
                null)));
        assertRejected(RejectionReason.UNKNOWN_SENDER, () -> bob.security.verifySignature(alice.security.sign("a",
                null, null)));
    }

    @Test
    void givenAnOldRetainedAnnouncement_whenOnlyItsSignatureIsChecked_thenItPassesAndIsNotRemembered()
            throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        SignedControlMessage announcement = alice.security.sign("presence.announce", null, new byte[] {1});
        bob.clock.advance(Duration.ofDays(30));

        bob.security.verifySignature(announcement);
        bob.security.verifySignature(announcement);
        assertEquals(0, bob.security.rememberedMessages());
        SignedControlMessage forged = new SignedControlMessage(announcement.type(), announcement.sender(), null,
                new byte[] {2}, announcement.nonce(), announcement.sentAt(), announcement.signature());
        assertRejected(RejectionReason.FORGED_SIGNATURE, () -> bob.security.verifySignature(forged));
    }

    @Test
    void givenManyThreadsVerifyingTheSameMessage_thenExactlyOneAcceptsIt() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create();
        Peer.introduce(alice, bob);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                SignedControlMessage message = alice.security.sign("a", null, new byte[] {(byte) round});
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    attempts.add(() -> {
                        try {
                            bob.security.verify(message);
                            return true;
                        } catch (RejectedMessageException e) {
                            assertEquals(RejectionReason.REPLAYED, e.reason());
                            return false;
                        }
                    });
                }
                int accepted = 0;
                for (Future<Boolean> result : threads.invokeAll(attempts)) {
                    accepted += result.get() ? 1 : 0;
                }
                assertEquals(1, accepted, "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenAFullReplayMemory_whenAForgottenMessageComesBack_thenItIsRefusedAsStale() throws Exception {
        Peer alice = Peer.create();
        Peer bob = Peer.create(new SecurityLimits(SecurityLimits.DEFAULT_MAX_CAPSULE_BYTES, 2, 2));
        Peer.introduce(alice, bob);
        SignedControlMessage first = alice.security.sign("a", null, null);
        alice.clock.advance(Duration.ofSeconds(1));
        SignedControlMessage second = alice.security.sign("a", null, null);
        alice.clock.advance(Duration.ofSeconds(1));
        SignedControlMessage third = alice.security.sign("a", null, null);
        bob.security.verify(first);
        bob.security.verify(second);

        bob.security.verify(third);

        assertEquals(2, bob.security.rememberedMessages());
        RejectedMessageException e = assertRejected(RejectionReason.STALE, () -> bob.security.verify(first));
        assertTrue(e.getMessage().contains("replay memory"), e.getMessage());
        assertRejected(RejectionReason.REPLAYED, () -> bob.security.verify(second));
    }
}

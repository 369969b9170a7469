package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;
import org.neuromesh.crypto.WireFormat;

/**
 * A broker client floods a peer with well-formed messages under sender ids nobody knows (so their signatures cannot
 * be checked): what the peer holds stays within its limits, on disk too, and a genuine held message survives.
 */
class InboxUnderAFloodTest {

    private static final HoldingLimits LIMITS = new HoldingLimits(4, 64 << 10, 50, 256 << 10);

    @TempDir
    Path home;

    private final WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
    private final Random random = new Random(7);
    private MessageSecurity alice;
    private MessageSecurity bob;

    @BeforeEach
    void aliceAndBobDoNotKnowEachOtherYet() throws Exception {
        alice = security("alice");
        bob = security("bob");
        alice.trust(bob.self(), bob.publicKeys());
    }

    private MessageSecurity security(String name) throws Exception {
        return new MessageSecurity(new IdentityStore(home.resolve(name), new SecureRandom()).loadOrCreate(),
                Clock.systemUTC(), TimeWindows.defaults(), SecurityLimits.defaults());
    }

    /** A well-formed message of {@code bytes} bytes under a claimed sender, signed with nothing anyone knows. */
    private SignedControlMessage forged(PeerId claimed, int bytes) {
        byte[] body = new byte[bytes];
        random.nextBytes(body);
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        return new SignedControlMessage("signal.error", claimed, bob.self(), body, random.nextLong(), Instant.now(),
                signature);
    }

    private PeerId randomSender() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return new PeerId(HexFormat.of().formatHex(id));
    }

    private static long bytesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Test
    void givenAGenuineHeldCapsule_whenFloodedUnderOneAndUnderManyClaimedSenders_thenHoldingStaysBoundedAndTheCapsuleSurvives()
            throws Exception {
        // given bob's inbox, holding alice's capsule on disk because it does not know her keys yet
        Path held = home.resolve("held");
        Inbox inbox = new Inbox(bob, HeldMessageFolder.open(held, format), LIMITS, format);
        List<Capsule> opened = new CopyOnWriteArrayList<>();
        inbox.onCapsule("memory", (sender, capsule, bytes) -> opened.add(capsule));
        inbox.received(alice.seal(new Capsule("genuine", "memory", PrivacyLevel.SHAREABLE, Set.of(), null,
                "genuine".getBytes(), Instant.now()), List.of(bob.self())));
        // when one claimed sender sends 500 messages of 16 KiB, and 2,000 claimed senders one each
        PeerId flooder = randomSender();
        for (int i = 0; i < 500; i++) {
            inbox.received(forged(flooder, 16 << 10));
        }
        for (int i = 0; i < 2000; i++) {
            inbox.received(forged(randomSender(), 16 << 10));
        }
        // then what is held stays within the limits, in the inbox's count and on disk
        assertTrue(inbox.heldMessages() <= LIMITS.messages(), inbox.heldMessages() + " held");
        assertTrue(inbox.heldBytes() <= LIMITS.bytes(), inbox.heldBytes() + " bytes held");
        assertTrue(bytesIn(held) <= LIMITS.bytes(), bytesIn(held) + " bytes on disk");
        // and every message that was not held is counted as refused
        assertEquals(2501 - inbox.heldMessages(), inbox.rejections().get(RejectionReason.UNKNOWN_SENDER));
        // and once alice is known, her capsule is opened
        bob.trust(alice.self(), alice.publicKeys());
        inbox.senderKnown(alice.self());
        assertEquals(1, opened.size());
        assertArrayEquals("genuine".getBytes(), opened.get(0).payload());
    }

    @Test
    void givenAFolderFilledUnderLargerLimits_whenThePeerRestartsWithSmallerOnes_thenItTakesUpOnlyWhatFitsAndDeletesTheRest()
            throws Exception {
        // given a folder holding 50 messages of 2 KiB from 50 claimed senders
        Path held = home.resolve("held");
        Inbox before = new Inbox(bob, HeldMessageFolder.open(held, format), LIMITS, format);
        for (int i = 0; i < 50; i++) {
            before.received(forged(randomSender(), 2 << 10));
        }
        assertEquals(50, before.heldMessages());
        // when the peer restarts with room for 20 messages of 64 KiB
        HoldingLimits smaller = new HoldingLimits(4, 16 << 10, 20, 64 << 10);
        Inbox after = new Inbox(bob, HeldMessageFolder.open(held, format), smaller, format);
        // then it holds 20 (the oldest, as they were taken up in order) and the folder keeps only those
        assertEquals(20, after.heldMessages());
        assertEquals(30, after.rejections().get(RejectionReason.UNKNOWN_SENDER));
        try (Stream<Path> files = Files.list(held)) {
            assertEquals(20, files.count());
        }
        assertTrue(bytesIn(held) <= smaller.bytes(), bytesIn(held) + " bytes on disk");
    }

    @Test
    void givenAMillionRefusalsOfOneReason_thenTheLogGetsFifteenLines() {
        // given the refusals of one reason counted one by one, when each asks for a log line
        long lines = java.util.stream.LongStream.rangeClosed(1, 1_000_000).filter(Inbox::worthALogLine).count();
        // then the first ten get one each, then only the 100th, 1,000th, ... 1,000,000th
        assertEquals(10 + 5, lines);
    }
}

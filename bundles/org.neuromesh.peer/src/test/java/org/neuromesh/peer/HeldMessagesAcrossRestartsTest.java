package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;
import org.neuromesh.crypto.WireFormat;

/** An inbox whose held messages are kept in a folder: a crash before the sender is known loses none. */
class HeldMessagesAcrossRestartsTest {

    @TempDir
    Path home;

    private final WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
    private MessageSecurity alice;
    private MessageSecurity bob;

    /** Alice knows Bob's keys; Bob does not know hers yet. */
    @BeforeEach
    void aliceKnowsBob() throws Exception {
        alice = security("alice");
        bob = security("bob");
        alice.trust(bob.self(), bob.publicKeys());
    }

    private MessageSecurity security(String name) throws Exception {
        return new MessageSecurity(new IdentityStore(home.resolve(name), new SecureRandom()).loadOrCreate(),
                Clock.systemUTC(), TimeWindows.defaults(), SecurityLimits.defaults());
    }

    private static Capsule capsule(String id) {
        return new Capsule(id, "memory", PrivacyLevel.SHAREABLE, Set.of(), null, id.getBytes(), Instant.now());
    }

    @Test
    void givenACapsuleFromAnUnknownSender_whenThePeerCrashesAndRestarts_thenItIsOpenedOnceTheSenderIsKnown()
            throws Exception {
        // given bob, whose inbox holds alice's capsule because it does not know her keys yet
        Path held = home.resolve("bob-held");
        Inbox before = new Inbox(bob, HeldMessageFolder.open(held, format), HoldingLimits.DEFAULTS, format);
        before.received(alice.seal(capsule("queued-by-the-broker"), List.of(bob.self())));
        assertEquals(1, before.heldMessages());
        // when bob crashes (the inbox is simply dropped) and starts again from his identity on disk
        MessageSecurity restartedBob = security("bob");
        Inbox after = new Inbox(restartedBob, HeldMessageFolder.open(held, format), HoldingLimits.DEFAULTS, format);
        List<Capsule> opened = new CopyOnWriteArrayList<>();
        after.onCapsule("memory", (sender, capsule, bytes) -> opened.add(capsule));
        assertEquals(1, after.heldMessages(), "the restarted inbox took up what the first one held");
        // then once alice's announcement makes her known, her capsule is opened, and its file is gone
        restartedBob.trust(alice.self(), alice.publicKeys());
        after.senderKnown(alice.self());
        assertEquals(1, opened.size());
        assertArrayEquals("queued-by-the-broker".getBytes(), opened.get(0).payload());
        assertEquals(0, after.heldMessages());
        try (var files = Files.list(held)) {
            assertEquals(0, files.count(), "a handled message is no longer kept");
        }
    }

    @Test
    void givenAFolderWithAnUnfinishedAForeignAndAnOldVersionsFile_whenOpened_thenTheMessagesComeBackInOrderWithTheirSenders()
            throws Exception {
        // given two kept messages, a write a crash interrupted, a file that is not a message, and a message kept by
        // an earlier version (no sender in its name)
        Path folder = Files.createDirectories(home.resolve("held"));
        SealedCapsule first = alice.seal(capsule("first"), List.of(bob.self()));
        SealedCapsule second = alice.seal(capsule("second"), List.of(bob.self()));
        Files.write(folder.resolve("00000000000000000001.msg"), format.encode(first));
        HeldMessageFolder store = HeldMessageFolder.open(folder, format);
        HeldMessages.Held secondKept = store.keep(alice.self(), format.encode(second));
        Files.write(folder.resolve("00000000000000000099.msg.tmp"), new byte[] {1, 2});
        Files.write(folder.resolve("not-a-message.msg"), "not a message".getBytes());
        // when the folder is opened again
        List<HeldMessages.Held> kept = HeldMessageFolder.open(folder, format).keptBefore();
        // then the two messages come back oldest first with their sender and size, the foreign file is kept aside
        // and the unfinished one gone
        assertEquals(List.of(alice.self(), alice.self()), kept.stream().map(HeldMessages.Held::sender).toList());
        assertEquals(secondKept, kept.get(1));
        assertEquals(List.of(first.capsuleId(), second.capsuleId()), kept.stream()
                .map(held -> ((SealedCapsule) decode(store, held)).capsuleId()).toList());
        assertTrue(Files.exists(folder.resolve("not-a-message.msg.broken")));
        assertTrue(Files.notExists(folder.resolve("00000000000000000099.msg.tmp")));
        // and a new message is numbered after everything there, so the order survives
        HeldMessageFolder reopened = HeldMessageFolder.open(folder, format);
        HeldMessages.Held third = reopened.keep(alice.self(), format.encode(second));
        assertTrue(third.key().compareTo(secondKept.key()) > 0, third + " sorts after " + secondKept);
    }

    private Outbound decode(HeldMessageFolder store, HeldMessages.Held held) {
        try {
            return format.decode(store.read(held.key()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.SealingException;

class SharingTest {

    private static final PeerId SOMEONE = new PeerId("0a".repeat(32));
    private static final BorrowingTerms TERMS = new BorrowingTerms(Duration.ofSeconds(5), 1, true);

    @TempDir
    Path folder;

    private final LoopbackTestBroker broker = new LoopbackTestBroker();
    private final List<TestPeer> peers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (TestPeer peer : peers) {
            peer.close();
        }
        broker.close();
        assertEquals(List.of(), broker.failures());
    }

    private TestPeer peer(String name) throws Exception {
        TestPeer peer = new TestPeer(folder.resolve(name), broker, new ScriptedNodeLending(Set.of(0), 0.5), TERMS);
        peers.add(peer);
        return peer;
    }

    private static Capsule memory(String id, PrivacyLevel privacy) {
        return new Capsule(id, "memory", privacy, Set.of("mnist", "layer-1"), new float[] {0.5f, -1f},
                new byte[] {7, 7, 7}, Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void givenACapsuleFromASenderNotYetKnown_whenItsKeysBecomeKnown_thenTheHeldCapsuleIsOpened() throws Exception {
        // given b knows nothing of a yet (as a restarted peer before the announcements arrive), a knows b
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        a.security.trust(b.id(), b.security.publicKeys());
        // when a shares a capsule with b
        a.sharing.share(memory("m-early", PrivacyLevel.SHAREABLE), b.id());
        Eventually.await("b holding the capsule", Duration.ofSeconds(5), () -> b.inbox.heldMessages() == 1);
        // then b holds it, refused nothing, and opens it once it learns a's keys
        assertEquals(List.of(), b.sharing.received().list());
        b.security.trust(a.id(), a.security.publicKeys());
        b.inbox.senderKnown(a.id());
        assertEquals("m-early", b.sharing.received().list().get(0).capsule().id());
        assertEquals(0, b.inbox.heldMessages());
        assertEquals(Map.of(), b.inbox.rejections().snapshot());
    }

    @Test
    void givenAShareableCapsule_whenSharedWithOnePeer_thenOnlyThatPeerReceivesIt() throws Exception {
        // given three peers
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer c = peer("c");
        TestPeer.introduce(a, b, c);
        List<ErrorSignal> atC = new CopyOnWriteArrayList<>();
        c.signals.subscribe(atC::add);
        // when a shares a capsule with b, then broadcasts a signal (c gets messages in order: the signal is its
        // proof that anything sent before it would have arrived)
        a.sharing.share(memory("m-1", PrivacyLevel.SHAREABLE), b.id());
        a.signals.broadcast(0, 0, "barrier");
        Eventually.await("b receiving the capsule", Duration.ofSeconds(5),
                () -> b.sharing.received().list().size() == 1);
        Eventually.await("c receiving the later signal", Duration.ofSeconds(5), () -> !atC.isEmpty());
        // then b holds it with its sender and content, and c holds nothing
        SharedCapsule received = b.sharing.received().list().get(0);
        assertEquals(a.id(), received.sender());
        assertEquals("m-1", received.capsule().id());
        assertEquals(PrivacyLevel.SHAREABLE, received.capsule().privacy());
        assertArrayEquals(new byte[] {7, 7, 7}, received.capsule().payload());
        assertEquals(List.of(), c.sharing.received().list());
        assertEquals(List.of(), a.sharing.received().list());
    }

    @Test
    void givenAPrivateCapsule_whenShared_thenItIsRefusedAndNothingIsSent() throws Exception {
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer.introduce(a, b);
        long before = broker.messages();
        SealingException refused = assertThrows(SealingException.class,
                () -> a.sharing.share(memory("secret", PrivacyLevel.PRIVATE), b.id()));
        assertTrue(refused.getMessage().contains("secret is PRIVATE"), refused.getMessage());
        assertEquals(before, broker.messages());
    }

    @Test
    void givenACapsuleOfAKindTheRuntimeUses_whenShared_thenItIsRefused() throws Exception {
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer.introduce(a, b);
        Capsule packet = new Capsule("p", LendingCodec.NODE_PACKET, PrivacyLevel.SHAREABLE, Set.of(), null,
                new byte[] {1}, Instant.now());
        assertThrows(IllegalArgumentException.class, () -> a.sharing.share(packet, b.id()));
    }

    @Test
    void givenAFullSharedInbox_whenMoreArrive_thenTheOldestIsDroppedAndCounted() {
        SharedInbox inbox = new SharedInbox(2);
        Capsule capsule = memory("m", PrivacyLevel.MASKED);
        inbox.add(new SharedCapsule(SOMEONE, memory("m-1", PrivacyLevel.MASKED), Instant.EPOCH));
        inbox.add(new SharedCapsule(SOMEONE, memory("m-2", PrivacyLevel.MASKED), Instant.EPOCH));
        inbox.add(new SharedCapsule(SOMEONE, capsule, Instant.EPOCH));
        assertEquals(List.of("m-2", "m"), inbox.list().stream().map(s -> s.capsule().id()).toList());
        assertEquals(1, inbox.dropped());
        assertEquals(2, inbox.drain().size());
        assertEquals(List.of(), inbox.list());
    }
}

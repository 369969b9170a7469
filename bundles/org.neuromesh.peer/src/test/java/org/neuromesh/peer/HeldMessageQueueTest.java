package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.PeerId;

/** Who gives way when the messages held for unknown senders reach their limits. */
class HeldMessageQueueTest {

    private static final PeerId ALICE = new PeerId("a".repeat(64));
    private static final PeerId BOB = new PeerId("b".repeat(64));
    private int next;

    private static PeerId flooder(int i) {
        return new PeerId(String.format("%064x", i + 1000));
    }

    /** Makes room and adds; returns what was given up, or null when the new message was refused. */
    private List<HeldMessages.Held> offer(HeldMessageQueue queue, PeerId sender, long bytes) {
        Optional<List<HeldMessages.Held>> room = queue.makeRoom(sender, bytes);
        if (room.isEmpty()) {
            return null;
        }
        queue.add(new HeldMessages.Held("m" + next++, sender, bytes));
        return room.get();
    }

    @Test
    void givenOneSenderFlooding_whenItPassesItsShare_thenItsNewMessagesAreRefusedAndNoOtherSenderLosesOne() {
        // given a queue of 4 messages / 400 bytes per sender, 10 / 1,000 in all, holding one message of alice
        HeldMessageQueue queue = new HeldMessageQueue(new HoldingLimits(4, 400, 10, 1000));
        assertEquals(List.of(), offer(queue, ALICE, 100));
        // when bob sends 100 messages of 100 bytes
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            refused += offer(queue, BOB, 100) == null ? 1 : 0;
        }
        // then 4 of them are held and 96 refused, and alice's message is still there
        assertEquals(96, refused);
        assertEquals(5, queue.count());
        assertEquals(1, queue.takeAll(ALICE).size());
    }

    @Test
    void givenAFloodUnderManyClaimedSenders_whenTheWholeIsFull_thenNewFloodMessagesAreRefusedAndASmallNewSenderGetsIn() {
        // given a queue of 10 messages / 1,000 bytes in all, filled with alice's message of 50 bytes and 9 of 100
        // bytes from 9 claimed senders
        HeldMessageQueue queue = new HeldMessageQueue(new HoldingLimits(4, 400, 10, 1000));
        offer(queue, ALICE, 50);
        for (int i = 0; i < 9; i++) {
            assertEquals(List.of(), offer(queue, flooder(i), 100));
        }
        // when 1,000 more claimed senders send 100 bytes each
        int refused = 0;
        for (int i = 9; i < 1009; i++) {
            refused += offer(queue, flooder(i), 100) == null ? 1 : 0;
        }
        // then every one is refused (a tie with the biggest holders: the newcomer pays) and alice's is kept
        assertEquals(1000, refused);
        assertEquals(10, queue.count());
        assertEquals(950, queue.bytes());
        // and when bob's small message comes, the biggest holder's oldest message makes room for it
        List<HeldMessages.Held> givenUp = offer(queue, BOB, 60);
        assertEquals(1, givenUp.size());
        assertEquals(flooder(0), givenUp.get(0).sender());
        assertEquals(List.of(50L), queue.takeAll(ALICE).stream().map(HeldMessages.Held::bytes).toList());
        assertEquals(1, queue.takeAll(BOB).size());
    }

    @Test
    void givenTheBytesAreFull_whenASenderWithLessAsksForRoom_thenTheBiggestHolderGivesUpItsOldestUntilItFits() {
        // given alice holding 3 messages of 300 bytes (900 of 1,000)
        HeldMessageQueue queue = new HeldMessageQueue(new HoldingLimits(4, 1000, 10, 1000));
        for (int i = 0; i < 3; i++) {
            offer(queue, ALICE, 300);
        }
        // when bob asks for 500 bytes
        List<HeldMessages.Held> givenUp = offer(queue, BOB, 500);
        // then alice's two oldest go, oldest first, and the totals add up
        assertEquals(List.of("m0", "m1"), givenUp.stream().map(HeldMessages.Held::key).toList());
        assertEquals(800, queue.bytes());
        assertEquals(2, queue.count());
        // and a message larger than one sender's share is refused outright
        assertEquals(null, offer(queue, flooder(1), 1001));
        assertTrue(queue.bytes() <= 1000);
    }
}

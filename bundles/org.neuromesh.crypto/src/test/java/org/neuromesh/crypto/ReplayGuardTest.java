package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.crypto.ReplayGuard.Admission;

class ReplayGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final String ALICE = "a".repeat(64);
    private static final String MALLORY = "e".repeat(64);

    @TempDir
    Path folder;

    @Test
    void givenARememberedKey_whenAdmittedAgain_thenReplayed() {
        ReplayGuard guard = new ReplayGuard(10, 10);

        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "a", T0.plusSeconds(60), T0));
        assertEquals(Admission.REPLAYED, guard.admit(ALICE, "a", T0.plusSeconds(60), T0.plusSeconds(59)));
        assertTrue(guard.remembers(ALICE, "a", T0.plusSeconds(60)));
        // the same key of another sender is another message
        assertEquals(Admission.ACCEPTED, guard.admit(MALLORY, "a", T0.plusSeconds(60), T0));
    }

    @Test
    void givenEntriesPastTheirExpiry_whenTimeMovesOn_thenTheyAreDropped() {
        ReplayGuard guard = new ReplayGuard(10, 10);
        guard.admit(ALICE, "early", T0.plusSeconds(10), T0);
        guard.admit(ALICE, "late", T0.plusSeconds(100), T0);

        guard.admit(ALICE, "later", T0.plusSeconds(200), T0.plusSeconds(11));
        assertFalse(guard.remembers(ALICE, "early", T0.plusSeconds(11)));
        assertEquals(2, guard.size());
        assertTrue(guard.remembers(ALICE, "late", T0.plusSeconds(100)));
        assertFalse(guard.remembers(ALICE, "late", T0.plusSeconds(101)));
    }

    @Test
    void givenAFullLane_whenANewerMessageArrives_thenTheEntryClosestToExpiryIsForgottenAndOlderOnesRefused() {
        ReplayGuard guard = new ReplayGuard(100, 3);
        guard.admit(ALICE, "a", T0.plusSeconds(10), T0);
        guard.admit(ALICE, "b", T0.plusSeconds(20), T0);
        guard.admit(ALICE, "c", T0.plusSeconds(30), T0);

        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "d", T0.plusSeconds(40), T0));
        assertEquals(3, guard.size());
        assertFalse(guard.remembers(ALICE, "a", T0));
        // "a" was forgotten: neither it nor anything of alice expiring as early may pass now
        assertEquals(Admission.BEYOND_MEMORY, guard.admit(ALICE, "a", T0.plusSeconds(10), T0));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit(ALICE, "x", T0.plusSeconds(5), T0));
        assertEquals(Admission.REPLAYED, guard.admit(ALICE, "b", T0.plusSeconds(20), T0));
        // a message that would be the first to be forgotten is refused without forgetting anything
        assertEquals(Admission.BEYOND_MEMORY, guard.admit(ALICE, "e", T0.plusSeconds(15), T0));
        assertTrue(guard.remembers(ALICE, "b", T0));
        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "f", T0.plusSeconds(25), T0));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit(ALICE, "b", T0.plusSeconds(20), T0));
        assertEquals(3, guard.size());
    }

    @Test
    void givenATrustedPeerFloodingFutureDatedMessages_thenOnlyItsOwnLaneForgetsAndOthersAreStillAccepted() {
        // given alice's message remembered
        ReplayGuard guard = new ReplayGuard(1000, 100);
        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "hello", T0.plusSeconds(120), T0));
        // when mallory sends 100,000 messages dated as far ahead as allowed
        for (int i = 0; i < 100_000; i++) {
            guard.admit(MALLORY, "m" + i, T0.plusSeconds(150).plusMillis(i), T0);
        }
        // then the memory holds at most its cap, mallory at most its share, alice's message is still remembered,
        // and alice's next messages are accepted
        assertEquals(101, guard.size());
        assertEquals(Admission.REPLAYED, guard.admit(ALICE, "hello", T0.plusSeconds(120), T0.plusSeconds(1)));
        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "next", T0.plusSeconds(121), T0.plusSeconds(1)));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit(MALLORY, "m0", T0.plusSeconds(150), T0.plusSeconds(1)));
    }

    @Test
    void givenManySendersFillingTheWhole_whenAnotherSenderArrives_thenTheLargestLaneGivesWay() {
        // given 9 claimed senders of 9 messages each and mallory's 19 filling a memory of 100
        ReplayGuard guard = new ReplayGuard(100, 50);
        for (int s = 0; s < 9; s++) {
            for (int i = 0; i < 9; i++) {
                guard.admit(String.format("%064x", s), "m" + i, T0.plusSeconds(100 + i), T0);
            }
        }
        for (int i = 0; i < 19; i++) {
            guard.admit(MALLORY, "m" + i, T0.plusSeconds(200 + i), T0);
        }
        assertEquals(100, guard.size());
        // when mallory sends more, and then alice one message
        assertEquals(Admission.ACCEPTED, guard.admit(MALLORY, "more", T0.plusSeconds(300), T0));
        assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "one", T0.plusSeconds(100), T0));
        // then the memory stays at its cap: mallory, the largest lane, paid for its own message and for alice's,
        // with its two entries closest to expiry, and the other senders kept all of theirs
        assertEquals(100, guard.size());
        assertTrue(guard.remembers(ALICE, "one", T0));
        assertTrue(guard.remembers(MALLORY, "more", T0));
        assertFalse(guard.remembers(MALLORY, "m0", T0));
        assertFalse(guard.remembers(MALLORY, "m1", T0));
        for (int s = 0; s < 9; s++) {
            assertTrue(guard.remembers(String.format("%064x", s), "m0", T0));
        }
    }

    @Test
    void givenAJournal_whenTheGuardStartsAgain_thenWhatItAcceptedAndForgotBeforeIsRefused() throws Exception {
        // given a guard with a journal that accepted alice's message and forgot one of mallory's at its cap
        Path file = folder.resolve("replay.txt");
        ReplayGuard before = new ReplayGuard(100, 2, new ReplayJournalFile(file, 1000), T0);
        before.admit(ALICE, "capsule-1", T0.plusSeconds(3600), T0);
        before.admit(MALLORY, "x", T0.plusSeconds(10), T0);
        before.admit(MALLORY, "y", T0.plusSeconds(20), T0);
        before.admit(MALLORY, "z", T0.plusSeconds(30), T0);
        // (no close: the process dies) and a torn last line
        Files.writeString(file, Files.readString(file) + "R 17");
        // when the guard starts again from the journal
        ReplayGuard after = new ReplayGuard(100, 2, new ReplayJournalFile(file, 1000), T0.plusSeconds(1));
        // then the copies are refused as before
        assertEquals(Admission.REPLAYED, after.admit(ALICE, "capsule-1", T0.plusSeconds(3600), T0.plusSeconds(1)));
        assertEquals(Admission.REPLAYED, after.admit(MALLORY, "z", T0.plusSeconds(30), T0.plusSeconds(1)));
        assertEquals(Admission.BEYOND_MEMORY, after.admit(MALLORY, "x", T0.plusSeconds(10), T0.plusSeconds(1)));
        assertEquals(3, after.size());
        after.close();
    }

    @Test
    void givenAFloodOfMessages_thenTheJournalIsRewrittenAndStaysBounded() throws Exception {
        // given a guard of 1,000 messages with a journal
        Path file = folder.resolve("replay.txt");
        ReplayGuard guard = new ReplayGuard(1000, 1000, new ReplayJournalFile(file, 100_000), T0);
        // when 100,000 messages are accepted
        for (int i = 0; i < 100_000; i++) {
            assertEquals(Admission.ACCEPTED, guard.admit(ALICE, "m" + i, T0.plusMillis(1000 + i), T0));
        }
        guard.close();
        // then the journal holds no more than its live entries plus the slack before a rewrite
        long lines = Files.readAllLines(file).size();
        assertTrue(lines <= 2 * 1000 + 10_000 + 1, lines + " lines");
        // and read back, it refuses the last message and what was forgotten
        ReplayGuard again = new ReplayGuard(1000, 1000, new ReplayJournalFile(file, 100_000), T0);
        assertEquals(1000, again.size());
        assertEquals(Admission.REPLAYED, again.admit(ALICE, "m99999", T0.plusMillis(1000 + 99_999), T0));
        assertEquals(Admission.BEYOND_MEMORY, again.admit(ALICE, "m0", T0.plusMillis(1000), T0));
    }
}

package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.neuromesh.crypto.ReplayGuard.Admission;

class ReplayGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void givenARememberedKey_whenAdmittedAgain_thenReplayed() {
        ReplayGuard guard = new ReplayGuard(10);

        assertEquals(Admission.ACCEPTED, guard.admit("a", T0.plusSeconds(60), T0));
        assertEquals(Admission.REPLAYED, guard.admit("a", T0.plusSeconds(60), T0.plusSeconds(59)));
        assertTrue(guard.remembers("a", T0.plusSeconds(60)));
    }

    @Test
    void givenEntriesPastTheirExpiry_whenTimeMovesOn_thenTheyAreDropped() {
        ReplayGuard guard = new ReplayGuard(10);
        guard.admit("early", T0.plusSeconds(10), T0);
        guard.admit("late", T0.plusSeconds(100), T0);

        assertFalse(guard.remembers("early", T0.plusSeconds(11)));
        assertEquals(1, guard.size());
        assertTrue(guard.remembers("late", T0.plusSeconds(100)));
        assertFalse(guard.remembers("late", T0.plusSeconds(101)));
        assertEquals(0, guard.size());
    }

    @Test
    void givenAFullMemory_whenANewerMessageArrives_thenTheEntryClosestToExpiryIsForgottenAndOlderOnesRefused() {
        ReplayGuard guard = new ReplayGuard(3);
        guard.admit("a", T0.plusSeconds(10), T0);
        guard.admit("b", T0.plusSeconds(20), T0);
        guard.admit("c", T0.plusSeconds(30), T0);

        assertEquals(Admission.ACCEPTED, guard.admit("d", T0.plusSeconds(40), T0));
        assertEquals(3, guard.size());
        assertFalse(guard.remembers("a", T0));
        // "a" was forgotten: neither it nor anything expiring as early may pass now
        assertEquals(Admission.BEYOND_MEMORY, guard.admit("a", T0.plusSeconds(10), T0));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit("x", T0.plusSeconds(5), T0));
        assertEquals(Admission.REPLAYED, guard.admit("b", T0.plusSeconds(20), T0));
        // a message that would be the first to be forgotten is refused without forgetting anything
        assertEquals(Admission.BEYOND_MEMORY, guard.admit("e", T0.plusSeconds(15), T0));
        assertTrue(guard.remembers("b", T0));
        assertEquals(Admission.ACCEPTED, guard.admit("f", T0.plusSeconds(25), T0));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit("b", T0.plusSeconds(20), T0));
        assertEquals(3, guard.size());
    }

    @Test
    void givenAFloodOfMessages_thenTheMemoryNeverExceedsItsCap() {
        ReplayGuard guard = new ReplayGuard(1000);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(Admission.ACCEPTED, guard.admit("m" + i, T0.plusMillis(1000 + i), T0));
        }
        assertEquals(1000, guard.size());
        assertEquals(Admission.REPLAYED, guard.admit("m99999", T0.plusMillis(1000 + 99_999), T0));
        assertEquals(Admission.BEYOND_MEMORY, guard.admit("m0", T0.plusMillis(1000), T0));
    }
}

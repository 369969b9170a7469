package org.neuromesh.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RejectionCountsTest {

    @Test
    void givenRefusals_whenSnapshotted_thenTheNonZeroReasonsAreThereAndTheTotalAddsUp() {
        // given two malformed messages and one on another peer's topic
        RejectionCounts counts = new RejectionCounts();
        counts.count(RejectionReason.MALFORMED);
        counts.count(RejectionReason.MALFORMED);
        counts.count(RejectionReason.SENDER_MISMATCH);
        // then
        assertEquals(Map.of(RejectionReason.MALFORMED, 2L, RejectionReason.SENDER_MISMATCH, 1L), counts.snapshot());
        assertEquals(2, counts.get(RejectionReason.MALFORMED));
        assertEquals(0, counts.get(RejectionReason.STALE));
        assertEquals(3, counts.total());
        assertEquals("refused: MALFORMED=2 SENDER_MISMATCH=1", counts.toString());
        assertEquals("refused: none", new RejectionCounts().toString());
    }
}

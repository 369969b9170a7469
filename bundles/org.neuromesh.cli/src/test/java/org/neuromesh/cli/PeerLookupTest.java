package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;

class PeerLookupTest {

    private static final PeerInfo ALICE = peer("a1".repeat(32), "alice");
    private static final PeerInfo BOB = peer("a1b2".repeat(16), "bob");

    private static PeerInfo peer(String id, String name) {
        return new PeerInfo(new PeerId(id), name, Set.of(), Map.of(), Instant.EPOCH);
    }

    @Test
    void aPeerIsFoundByItsNameOrTheStartOfItsId() {
        assertEquals(BOB.id(), PeerLookup.find("Bob", List.of(ALICE, BOB)));
        assertEquals(ALICE.id(), PeerLookup.find("a1a1a1a1", List.of(ALICE, BOB)));
        assertEquals(BOB.id(), PeerLookup.find(BOB.id().value(), List.of(ALICE, BOB)));
    }

    @Test
    void anAmbiguousOrUnknownPeerIsRefusedNamingTheKnownOnes() {
        // "a1" is too short to be an id prefix; "a1b2a1b2" would be only bob's
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PeerLookup.find("carol", List.of(ALICE, BOB)));
        assertTrue(unknown.getMessage().contains("no known peer is 'carol'")
                && unknown.getMessage().contains("bob"), unknown.getMessage());
        PeerInfo twin = peer("a1".repeat(31) + "ff", "alice-2");
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> PeerLookup.find("a1a1a1a1", List.of(ALICE, twin)));
        assertTrue(several.getMessage().startsWith("several peers match"), several.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerLookup.find("x", List.of()))
                .getMessage().contains("no other peer is known yet"));
    }
}

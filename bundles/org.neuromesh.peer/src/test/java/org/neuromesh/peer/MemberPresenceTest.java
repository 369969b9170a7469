package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.peer.PeerId;

class MemberPresenceTest {

    private static final PeerId MEMBER = new PeerId("ab".repeat(32));

    private final Set<PeerId> known = ConcurrentHashMap.newKeySet();
    private final AtomicLong now = new AtomicLong();
    private final MemberPresence presence = new MemberPresence(known::contains, Duration.ofSeconds(10), now::get);

    @Test
    void givenAMemberDiscoveryLost_whenItsGraceRunsOut_thenRoundsNoLongerWaitForIt() {
        // given a member discovery no longer knows
        assertTrue(presence.awaited(MEMBER), "still awaited when first missed");
        // when 9.9 s pass, it is still awaited; at 10 s it is not
        now.addAndGet(Duration.ofMillis(9_900).toNanos());
        assertTrue(presence.awaited(MEMBER));
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertFalse(presence.awaited(MEMBER));
    }

    @Test
    void givenAMemberThatCameBack_whenItIsLostAgain_thenItsGraceStartsAfresh() {
        // given a member missed for 8 s that then came back
        presence.awaited(MEMBER);
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        known.add(MEMBER);
        assertTrue(presence.awaited(MEMBER));
        assertFalse(presence.missing(MEMBER));
        // when it is lost again
        known.remove(MEMBER);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(presence.awaited(MEMBER));
        // then it has a whole grace again
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertTrue(presence.awaited(MEMBER), "9 s into its second absence");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(presence.awaited(MEMBER));
    }

    @Test
    void givenANegativeGrace_whenCreated_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MemberPresence(known::contains, Duration.ofSeconds(-1)));
    }
}

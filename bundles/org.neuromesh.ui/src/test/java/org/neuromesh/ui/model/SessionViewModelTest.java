package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.network.SessionProgress.Round;
import org.neuromesh.api.network.SessionProgress.State;
import org.neuromesh.api.peer.PeerId;

/** The Session view's texts and rows, from session progress records without any widget. */
class SessionViewModelTest {

    private static final PeerId SELF = new PeerId("aa".repeat(32));
    private static final PeerId SERVER = new PeerId("bb".repeat(32));
    private static final PeerId STRANGER = new PeerId("cc".repeat(32));
    private static final SessionPlan PLAN = new SessionPlan("s-1", "mnist", "eligibility", List.of(32), 3, 4, 64, 7,
            0.75, Duration.ofSeconds(60));

    @Test
    void givenASessionWaitingForMembers_thenTheSummarySaysSoAndThereAreNoRows() {
        SessionProgress joining = new SessionProgress(PLAN, SELF, true, State.JOINING, 1, List.of(), Double.NaN, "");
        assertEquals("Session s-1: waiting for members, 0 of 3 rounds, 1 members; aggregated by this peer",
                SessionViewModel.summary(joining));
        assertEquals("3 rounds of 4 batches of 64, eligibility, hidden [32], mnist; no global accuracy yet",
                SessionViewModel.details(joining));
        assertEquals(List.of(), SessionViewModel.rows(joining, SELF, Map.of()));
    }

    @Test
    void givenTwoClosedRounds_whenOneMemberWasRefused_thenEachRowNamesContributorsRefusedAndAccuracy() {
        // given round 1 merged from this peer and the server, round 2 from the server alone, a stranger refused
        SessionProgress running = new SessionProgress(PLAN, SELF, true, State.RUNNING, 3, List.of(
                new Round(1, List.of(SERVER, SELF), List.of(), 2, 0.5, 1.25),
                new Round(2, List.of(SERVER), List.of(STRANGER), 3, 0.8125, 2.0)), 0.8125, "");
        // when the rows are made with the server's display name known
        List<SessionViewModel.Row> rows = SessionViewModel.rows(running, SELF, Map.of(SERVER, "server-peer"));
        // then peers are named, this peer as such, strangers by short id
        assertEquals(List.of("1", "server-peer, this peer", "-", "2", "50.00%", "1.3"), rows.get(0).cells());
        assertEquals(List.of("2", "server-peer", "cccccccc", "3", "81.25%", "2.0"), rows.get(1).cells());
        assertEquals("Session s-1: running, 2 of 3 rounds, 3 members; aggregated by this peer",
                SessionViewModel.summary(running));
        assertEquals("3 rounds of 4 batches of 64, eligibility, hidden [32], mnist; global accuracy 81.25%",
                SessionViewModel.details(running));
    }

    @Test
    void givenSessionsEndedJoinedAndAggregatedHere_whenTheViewOpens_thenItShowsTheOpenOneAggregatedHere() {
        SessionProgress ended = new SessionProgress(PLAN, SELF, true, State.DONE, 2, List.of(
                new Round(1, List.of(SELF), List.of(), 2, 0.5, 1)), 0.5, "");
        SessionProgress joined = new SessionProgress(plan("joined"), SERVER, false, State.RUNNING, 2, List.of(),
                Double.NaN, "");
        SessionProgress mine = new SessionProgress(plan("mine"), SELF, true, State.JOINING, 1, List.of(),
                Double.NaN, "");
        assertEquals("mine", SessionViewModel.latest(List.of(ended, joined, mine)).orElseThrow().sessionId());
        assertEquals("joined", SessionViewModel.latest(List.of(ended, joined)).orElseThrow().sessionId());
        assertEquals("s-1", SessionViewModel.latest(List.of(ended)).orElseThrow().sessionId());
        assertEquals(java.util.Optional.empty(), SessionViewModel.latest(List.of()));
    }

    private static SessionPlan plan(String id) {
        return new SessionPlan(id, "mnist", "eligibility", List.of(32), 3, 4, 64, 7, 0.75, Duration.ofSeconds(60));
    }

    @Test
    void givenAFailedSessionAggregatedElsewhere_thenTheSummaryGivesTheReasonAndTheAggregator() {
        SessionProgress failed = new SessionProgress(PLAN, SERVER, false, State.FAILED, 2, List.of(), Double.NaN,
                "no member contributed to round 1 within two deadlines");
        assertEquals("Session s-1: failed: no member contributed to round 1 within two deadlines, 0 of 3 rounds,"
                + " 2 members; aggregated by bbbbbbbb", SessionViewModel.summary(failed));
    }
}

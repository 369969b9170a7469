package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;

class SessionCodecTest {

    private static final SessionPlan PLAN = new SessionPlan("s-1", "mnist", "eligibility", List.of(256, 64), 40,
            20, 128, 7, 0.75, Duration.ofSeconds(90));
    private static final PeerId AGGREGATOR = new PeerId("ab".repeat(32));

    @Test
    void givenAProposal_whenWrittenAndRead_thenThePlanAndAggregatorSurvive() throws IOException {
        byte[] body = SessionCodec.proposal(new SessionCodec.Proposal(PLAN, AGGREGATOR, 8));
        SessionCodec.Proposal read = SessionCodec.readProposal(body);
        assertEquals(PLAN, read.plan());
        assertEquals(AGGREGATOR, read.aggregator());
        assertEquals(8, read.expectedMembers());
    }

    @Test
    void givenStatesAndContributions_whenWrittenAndRead_thenEveryByteSurvives() throws IOException {
        GlobalState state = new GlobalState(3, new byte[] {1, 2, 3}, new byte[] {4});
        SessionCodec.SessionState readState = SessionCodec.readGlobalState(SessionCodec.globalState("s-1", state));
        assertEquals("s-1", readState.sessionId());
        assertEquals(3, readState.state().round());
        assertArrayEquals(new byte[] {1, 2, 3}, readState.state().model());
        LocalContribution contribution = new LocalContribution(4, new byte[] {9, 9}, new byte[0], 1280, 0.25);
        SessionCodec.SessionContribution read = SessionCodec.readContribution(
                SessionCodec.contribution("s-1", contribution));
        assertEquals(1280, read.contribution().samples());
        assertArrayEquals(new byte[] {9, 9}, read.contribution().model());
    }

    @Test
    void givenBrokenBodies_whenRead_thenTheyAreRefusedWithWhatTheyWere() {
        byte[] body = SessionCodec.proposal(new SessionCodec.Proposal(PLAN, AGGREGATOR, 8));
        IOException truncated = assertThrows(IOException.class,
                () -> SessionCodec.readProposal(Arrays.copyOf(body, body.length - 3)));
        assertTrue(truncated.getMessage().contains("session proposal is truncated"), truncated.getMessage());
        IOException longer = assertThrows(IOException.class,
                () -> SessionCodec.readProposal(Arrays.copyOf(body, body.length + 1)));
        assertTrue(longer.getMessage().contains("unexpected bytes"), longer.getMessage());
        byte[] state = SessionCodec.globalState("s-1", new GlobalState(1, new byte[] {1}, new byte[0]));
        state[state.length - 9] = 0x7F; // the model's length: far beyond the body
        IOException lying = assertThrows(IOException.class, () -> SessionCodec.readGlobalState(state));
        assertTrue(lying.getMessage().contains("declares"), lying.getMessage());
    }
}

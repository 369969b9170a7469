package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.network.MessageFlow;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.peer.PeerId;

/** The messages a peer tells its views about: what passed, and never more than a bound between two drains. */
class MessageFlowsTest {

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
    }

    @Test
    void givenTwoPeers_whenOneBroadcastsASignal_thenItsFlowIsOutgoingToAllAndTheOthersIsIncomingFromIt()
            throws Exception {
        // given two peers that know each other
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer.introduce(a, b);
        a.drainFlows();
        b.drainFlows();
        // when a broadcasts an error signal and b verifies it
        a.signals.broadcast(0.4, 0.5, "digits");
        List<MessageFlow> atB = new ArrayList<>();
        Eventually.await("b taking in a's signal", Duration.ofSeconds(5), () -> {
            atB.addAll(b.drainFlows().shown());
            return !atB.isEmpty();
        });
        // then a told one outgoing broadcast, b one incoming from a, both of the signal's type
        MessageFlow sent = a.drainFlows().shown().get(0);
        assertTrue(sent.outgoing());
        assertNull(sent.peer(), "a broadcast has no single peer");
        assertEquals(Signals.ERROR, sent.kind());
        MessageFlow received = atB.get(0);
        assertEquals(List.of(false, a.id(), Signals.ERROR), List.of(received.outgoing(), received.peer(),
                received.kind()));
        // and drained flows are gone
        assertEquals(new MessageFlows(List.of(), 0), a.drainFlows());
    }

    @Test
    void givenAFloodOfMessages_whenRecorded_thenAtMostTheBoundIsKeptAndTheRestOnlyCounted() {
        // given a recorder
        MessageFlowRecorder recorder = new MessageFlowRecorder(Clock.systemUTC());
        PeerId flooder = new PeerId("f".repeat(64));
        // when 100,000 messages pass before the views drain it
        for (int i = 0; i < 100_000; i++) {
            recorder.record(false, flooder, "signal.error", 0);
        }
        // then it kept the bound and counted the rest, and forgets both once drained
        MessageFlows flows = recorder.drain();
        assertEquals(MessageFlowRecorder.KEPT, flows.shown().size());
        assertEquals(100_000 - MessageFlowRecorder.KEPT, flows.notShown());
        assertEquals(new MessageFlows(List.of(), 0), recorder.drain());
    }

    private TestPeer peer(String name) throws Exception {
        TestPeer peer = new TestPeer(folder.resolve(name), broker, new ScriptedNodeLending(Set.of(0), 0.5),
                new BorrowingTerms(Duration.ofSeconds(5), 1, true));
        peers.add(peer);
        return peer;
    }
}

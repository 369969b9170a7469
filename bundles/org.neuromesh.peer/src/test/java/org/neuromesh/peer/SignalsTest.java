package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsTest {

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

    private static List<ErrorSignal> subscribed(TestPeer peer) {
        List<ErrorSignal> received = new CopyOnWriteArrayList<>();
        peer.signals.subscribe(received::add);
        return received;
    }

    @Test
    void givenThreePeers_whenOneBroadcastsAnErrorSignal_thenTheOthersGetItAndTheSenderDoesNot() throws Exception {
        // given three peers with a subscriber each
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer c = peer("c");
        TestPeer.introduce(a, b, c);
        List<ErrorSignal> atA = subscribed(a);
        List<ErrorSignal> atB = subscribed(b);
        List<ErrorSignal> atC = subscribed(c);
        // when a broadcasts a signal, and then b does (so that a has certainly had the time to see its own)
        a.signals.broadcast(0.42, 0.9, "mnist/5-9");
        Eventually.await("b and c receiving a's signal", Duration.ofSeconds(5),
                () -> atB.size() == 1 && atC.size() == 1);
        b.signals.broadcast(0.1, 0.2, "mnist/0-4");
        Eventually.await("a receiving b's signal", Duration.ofSeconds(5), () -> !atA.isEmpty());
        // then b and c got a's signal as sent, and a only b's
        ErrorSignal atBFromA = atB.get(0);
        assertEquals(a.id(), atBFromA.sender());
        assertEquals(0.42, atBFromA.value());
        assertEquals(0.9, atBFromA.urgency());
        assertEquals("mnist/5-9", atBFromA.topic());
        assertEquals(a.id(), atC.get(0).sender());
        assertEquals(List.of(b.id()), atA.stream().map(ErrorSignal::sender).toList());
        // and the latest signals are kept for status
        assertEquals(List.of("mnist/5-9"), b.signals.latest().stream().map(ErrorSignal::topic).toList());
    }

    @Test
    void givenThreePeers_whenOneSendsASignalToAnother_thenOnlyThatOneGetsIt() throws Exception {
        // given three peers with a subscriber each
        TestPeer a = peer("a");
        TestPeer b = peer("b");
        TestPeer c = peer("c");
        TestPeer.introduce(a, b, c);
        List<ErrorSignal> atB = subscribed(b);
        List<ErrorSignal> atC = subscribed(c);
        // when a sends a signal to c only, then a broadcast (so that b has certainly had the time to see the first)
        a.signals.send(0.75, 0.9, "to-c", c.id());
        Eventually.await("c receiving a's signal", Duration.ofSeconds(5), () -> atC.size() == 1);
        a.signals.broadcast(0.1, 0.2, "everyone");
        Eventually.await("b receiving the broadcast", Duration.ofSeconds(5), () -> !atB.isEmpty());
        // then c got both, b only the broadcast
        assertEquals("to-c", atC.get(0).topic());
        assertEquals(List.of("everyone"), atB.stream().map(ErrorSignal::topic).toList());
    }

    @Test
    void givenAnInvalidSignal_whenBroadcast_thenItIsRefusedBeforeSending() throws Exception {
        TestPeer a = peer("a");
        long before = broker.messages();
        assertThrows(IllegalArgumentException.class, () -> a.signals.broadcast(1, 2, "too urgent"));
        assertThrows(IllegalArgumentException.class, () -> a.signals.broadcast(Double.POSITIVE_INFINITY, 1, "t"));
        assertEquals(before, broker.messages());
    }
}

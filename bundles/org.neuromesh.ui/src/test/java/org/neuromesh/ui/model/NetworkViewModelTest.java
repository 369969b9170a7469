package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.network.MessageFlow;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.TransportState;

/** The Network view's picture: nodes, moving dots and the line counting the messages. */
class NetworkViewModelTest {

    private static final PeerId SELF = new PeerId("a".repeat(16));
    private static final PeerId BOB = new PeerId("b".repeat(16));
    private static final PeerId CAROL = new PeerId("c".repeat(16));

    private static NetworkStatus status(PeerId... others) {
        List<PeerInfo> peers = new ArrayList<>();
        for (PeerId other : others) {
            peers.add(new PeerInfo(other, other.equals(BOB) ? "bob" : "carol", Set.of(), Map.of(), Instant.EPOCH));
        }
        return new NetworkStatus(SELF, Instant.EPOCH, new TransportState(true, "tcp://127.0.0.1:1883", Instant.EPOCH,
                "", Duration.ZERO), peers, Map.of(), Map.of(), new Traffic(0, 0, 0, 0));
    }

    private static MessageFlow flow(boolean outgoing, PeerId peer, String kind) {
        return new MessageFlow(Instant.EPOCH, outgoing, peer, kind, 0);
    }

    @Test
    void givenTwoPeers_thenThisOneIsInTheMiddleAndTheOthersOnACircleByName() {
        NetworkViewModel model = new NetworkViewModel();
        model.update(status(CAROL, BOB));
        List<NetworkViewModel.Node> nodes = model.nodes();
        assertEquals(List.of("this peer", "bob", "carol"), nodes.stream().map(NetworkViewModel.Node::label).toList());
        assertEquals(0.5, nodes.get(0).x(), 1e-9);
        assertTrue(nodes.get(0).self());
        assertEquals(0.12, nodes.get(1).y(), 1e-9, "the first other peer straight above");
        assertEquals(0.88, nodes.get(2).y(), 1e-9, "the second straight below");
    }

    @Test
    void givenMessagesPassing_thenDotsFlyAlongTheirLinksAndAreCountedByKind() {
        // given this peer and bob
        NetworkViewModel model = new NetworkViewModel();
        model.update(status(BOB));
        // when bob's contribution comes in and this peer broadcasts a signal, at time 1,000 ms
        model.passed(new MessageFlows(List.of(flow(false, BOB, "round-contribution"), flow(true, null,
                "signal.error")), 0), 1_000);
        // then halfway through their flight both dots are in the middle of the link, one from each end
        List<NetworkViewModel.Dot> dots = model.dots(1_000 + NetworkViewModel.FLIGHT_MILLIS / 2);
        assertEquals(List.of(NetworkViewModel.Kind.CONTRIBUTION, NetworkViewModel.Kind.SIGNAL), dots.stream()
                .map(NetworkViewModel.Dot::kind).toList());
        assertEquals(0.31, dots.get(0).y(), 1e-9);
        assertEquals(0.31, dots.get(1).y(), 1e-9);
        assertEquals("1 peer · in the last 10 s: 1 contribution, 1 signal", model.summary(2_000));
        // and once they arrived nothing moves; after 10 s they are no longer counted
        assertFalse(model.moving(1_000 + NetworkViewModel.FLIGHT_MILLIS + 1));
        assertEquals("1 peer · no messages in the last 10 s", model.summary(12_000));
    }

    @Test
    void givenAFlood_thenTheDotsInTheAirAreBoundedAndWhatWasNotDrawnIsCounted() {
        NetworkViewModel model = new NetworkViewModel();
        model.update(status(BOB));
        List<MessageFlow> flood = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            flood.add(flow(false, BOB, "global-state"));
        }
        model.passed(new MessageFlows(flood, 5_000), 0);
        assertEquals(NetworkViewModel.MAX_DOTS, model.dots(10).size());
        assertTrue(model.summary(10).endsWith("1000 global states (5000 more not drawn)"), model.summary(10));
        // and messages of a peer not on the picture are counted, not drawn
        model.passed(new MessageFlows(List.of(flow(false, CAROL, "node-packet")), 0), 20);
        assertEquals(NetworkViewModel.MAX_DOTS, model.dots(20).size());
        assertTrue(model.summary(20).contains("1 borrow packet"), model.summary(20));
    }

    @Test
    void kindsAreReadFromThePeersNames() {
        assertEquals(NetworkViewModel.Kind.BORROWING, NetworkViewModel.Kind.of("nodes.request"));
        assertEquals(NetworkViewModel.Kind.BORROWING, NetworkViewModel.Kind.of("node-return"));
        assertEquals(NetworkViewModel.Kind.GLOBAL_STATE, NetworkViewModel.Kind.of("global-state"));
        assertEquals(NetworkViewModel.Kind.SESSION, NetworkViewModel.Kind.of("session.join"));
        assertEquals(NetworkViewModel.Kind.CAPSULE, NetworkViewModel.Kind.of("memory"));
    }
}

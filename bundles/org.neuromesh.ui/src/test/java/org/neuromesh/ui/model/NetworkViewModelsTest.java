package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.api.security.RejectionReason;

/** The Peers view, the status line and the Dashboard, computed from network statuses without any widget. */
class NetworkViewModelsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final PeerId SELF = new PeerId("aa".repeat(32));
    private static final PeerId ALICE = new PeerId("bb".repeat(32));
    private static final PeerId BOB = new PeerId("cc".repeat(32));
    private static final TransportState CONNECTED = new TransportState(true, "tcp://127.0.0.1:1883",
            NOW.minusSeconds(60), "", Duration.ofSeconds(30));

    @Test
    void givenTwoPeers_thenEachRowShowsHealthLatencyCreditsAndAge() {
        // given alice heard 1 s ago with a 2.5 ms round trip, bob silent for 16.5 s of a 30 s limit, and credits
        PeerInfo alice = new PeerInfo(ALICE, "alice", Set.of("rule:eligibility", "data:mnist"),
                Map.of("brokerRttMicros", "2500"), NOW.minusSeconds(1));
        PeerInfo bob = new PeerInfo(BOB, "bob", Set.of(), Map.of(), NOW.minusMillis(16_500));
        NetworkStatus status = status(CONNECTED, List.of(bob, alice), Map.of(ALICE, 8L, BOB, -3L), Traffic.NONE,
                NOW);
        // when the rows are made, then they are by name, with health from the silence and "?" where unknown
        assertEquals(List.of(
                new PeerRow("bbbbbbbb", "alice", "data:mnist, rule:eligibility", "100%", "2.5 ms", "+8", "1 s ago"),
                new PeerRow("cccccccc", "bob", "", "50%", "?", "-3", "16 s ago")), PeersViewModel.rows(status));
        assertEquals("This peer aaaaaaaa: 2 other peers", PeersViewModel.summary(status));
    }

    @Test
    void givenAPeerSilentForTheWholeLimit_thenItsHealthIsZero_andUnknownWithoutALimit() {
        PeerInfo gone = new PeerInfo(ALICE, "alice", Set.of(), Map.of(), NOW.minusSeconds(31));
        assertEquals(0, PeersViewModel.healthPercent(gone, NOW, Duration.ofSeconds(30)));
        assertEquals(-1, PeersViewModel.healthPercent(gone, NOW, Duration.ZERO));
    }

    @Test
    void givenTheTransportState_thenTheStatusLineSaysWhereItIsConnectedOrWhyNot() {
        assertEquals("Connected to tcp://127.0.0.1:1883 · 0 peers",
                ConnectionText.of(status(CONNECTED, List.of(), Map.of(), Traffic.NONE, NOW)));
        TransportState down = new TransportState(false, "ssl://broker:8883", NOW, "Connection refused",
                Duration.ofSeconds(30));
        assertEquals("Not connected to ssl://broker:8883: Connection refused",
                ConnectionText.of(status(down, List.of(), Map.of(), Traffic.NONE, NOW)));
    }

    @Test
    void givenTwoStatusesTwoSecondsApart_thenTheDashboardShowsTotalsAndRates() {
        // given a first status, and a second one 2 s later with 10 capsules (4,000 bytes) more and refusals
        PeerInfo alice = new PeerInfo(ALICE, "alice", Set.of(), Map.of("brokerRttMicros", "3000"), NOW);
        DashboardModel dashboard = new DashboardModel();
        dashboard.update(status(CONNECTED, List.of(alice), Map.of(ALICE, 5L), new Traffic(2, 3, 1000, 2000), NOW));
        assertEquals("-", value(dashboard, "Capsules/s"));
        NetworkStatus later = new NetworkStatus(SELF, NOW.plusSeconds(2), CONNECTED, List.of(alice),
                Map.of(ALICE, 5L, BOB, -2L), Map.of(RejectionReason.STALE, 2L, RejectionReason.MALFORMED, 1L),
                new Traffic(6, 9, 3000, 4000));
        // when the dashboard takes it
        dashboard.update(later);
        // then it shows the figures of the source's dashboard, and the rates over those 2 s
        assertEquals("1", value(dashboard, "Peers"));
        assertEquals("100%", value(dashboard, "Network health"));
        assertEquals("3.0 ms", value(dashboard, "Average latency"));
        assertEquals("+3", value(dashboard, "Credit balance"));
        assertEquals("15 (6 sent, 9 opened)", value(dashboard, "Capsules"));
        assertEquals("5.0", value(dashboard, "Capsules/s"));
        assertEquals("2000", value(dashboard, "Bytes/s"));
        assertEquals("MALFORMED 1, STALE 2", value(dashboard, "Refused messages"));
    }

    private static String value(DashboardModel dashboard, String name) {
        return dashboard.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static NetworkStatus status(TransportState transport, List<PeerInfo> peers, Map<PeerId, Long> credits,
            Traffic traffic, Instant at) {
        return new NetworkStatus(SELF, at, transport, peers, credits, Map.of(), traffic);
    }
}

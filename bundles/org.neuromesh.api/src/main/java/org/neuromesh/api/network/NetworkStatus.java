package org.neuromesh.api.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.api.security.RejectionReason;

/**
 * What this peer knows of its network at one moment.
 *
 * @param self      this peer
 * @param at        when the status was taken
 * @param transport its connection
 * @param peers     the other peers discovery knows now
 * @param credits   this peer's credit balance with each peer it traded nodes with (positive: it earned)
 * @param refused   inbound messages the peer runtime refused so far, by reason (the transport's own refusals of
 *                  bytes that never became messages are in {@code neuromesh:peers})
 * @param traffic   capsules sent and opened so far
 */
public record NetworkStatus(PeerId self, Instant at, TransportState transport, List<PeerInfo> peers,
        Map<PeerId, Long> credits, Map<RejectionReason, Long> refused, Traffic traffic) {

    public NetworkStatus {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(transport, "transport");
        peers = List.copyOf(peers);
        credits = Map.copyOf(credits);
        refused = Map.copyOf(refused);
        Objects.requireNonNull(traffic, "traffic");
    }

    /** The sum of this peer's credit balances. */
    public long creditBalance() {
        return credits.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Refused messages of every reason. */
    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}

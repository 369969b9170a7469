package org.neuromesh.api.network;

import java.time.Instant;
import java.util.Objects;

import org.neuromesh.api.peer.PeerId;

/**
 * One message this peer sent or took in, as the Network view animates it: a contribution, a global state, a borrow
 * packet, an error signal, a shared capsule or another control message. Only messages that verified are told:
 * refused ones are counted in {@link NetworkStatus#refused()}.
 *
 * @param at       when it passed
 * @param outgoing sent by this peer (else received)
 * @param peer     the other end; {@code null} for a broadcast this peer sent to every peer
 * @param kind     the capsule kind or control type, e.g. {@code round-contribution}, {@code global-state},
 *                 {@code node-packet}, {@code signal.error}
 * @param bytes    the sealed size of a capsule, 0 for a control message
 */
public record MessageFlow(Instant at, boolean outgoing, PeerId peer, String kind, long bytes) {

    public MessageFlow {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}

package org.neuromesh.api.network;

import java.util.Objects;
import java.util.Set;

import org.neuromesh.api.peer.PeerId;

/**
 * Nodes borrowed and grafted into this peer's own model.
 *
 * @param owner          the peer that lent them
 * @param packetId       the loan's node packet
 * @param nodes          how many nodes
 * @param price          credits paid
 * @param classes        the classes they serve
 * @param accuracyBefore the own model's accuracy on those classes before the graft
 * @param accuracyAfter  and after it
 * @since 1.1
 */
public record BorrowOutcome(PeerId owner, String packetId, int nodes, long price, Set<Integer> classes,
        double accuracyBefore, double accuracyAfter) {

    public BorrowOutcome {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(packetId, "packetId");
        classes = Set.copyOf(classes);
    }
}

package org.neuromesh.peer;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.neuromesh.api.peer.PeerId;

/**
 * Nodes lent by one peer to another, as either side records it.
 *
 * @param packetId the node packet
 * @param owner the lender
 * @param borrower the borrower
 * @param classes the classes the nodes serve
 * @param nodes number of nodes
 * @param price credits the borrower paid
 * @param lentAt when the owner sent, or the borrower received, the nodes
 * @param returnedAt when the nodes' state went back to the owner, or {@code null} while on loan
 */
public record Loan(String packetId, PeerId owner, PeerId borrower, SortedSet<Integer> classes, int nodes, long price,
        Instant lentAt, Instant returnedAt) {

    public Loan {
        classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    }

    public Optional<Instant> returned() {
        return Optional.ofNullable(returnedAt);
    }

    Loan returnedAt(Instant when) {
        return new Loan(packetId, owner, borrower, classes, nodes, price, lentAt, when);
    }
}

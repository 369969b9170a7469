package org.neuromesh.peer;

import java.util.SortedSet;
import java.util.TreeSet;

import org.neuromesh.api.peer.PeerId;

/**
 * A loan as the borrower saw it: who lent, for how much, and what the nodes did to its own model.
 *
 * @param requestId the borrower's request
 * @param packetId the lent node packet (give it to {@link Borrowing#returnNodes})
 * @param owner the peer that lent the nodes
 * @param price credits paid
 * @param classes the classes the nodes serve
 * @param nodes number of nodes grafted
 * @param accuracyBefore accuracy of the borrower's own model on {@code classes} before the graft (NaN: no test data)
 * @param accuracyAfter the same after the graft
 * @param overallBefore accuracy on all local test data before the graft
 * @param overallAfter the same after the graft
 */
public record BorrowResult(String requestId, String packetId, PeerId owner, long price, SortedSet<Integer> classes,
        int nodes, double accuracyBefore, double accuracyAfter, double overallBefore, double overallAfter) {

    public BorrowResult {
        classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    }
}

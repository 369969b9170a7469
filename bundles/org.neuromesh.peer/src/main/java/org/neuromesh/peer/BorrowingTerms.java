package org.neuromesh.peer;

import java.time.Duration;
import java.util.Objects;

/**
 * How this peer borrows and lends nodes.
 *
 * @param offerTimeout how long a borrower waits for an acceptable offer, and then for the accepted owner's nodes
 * @param creditsPerNode this peer's price per lent node
 * @param lendToOthers whether this peer answers other peers' requests at all
 */
public record BorrowingTerms(Duration offerTimeout, long creditsPerNode, boolean lendToOthers) {

    public BorrowingTerms {
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        if (offerTimeout.isNegative() || offerTimeout.isZero()) {
            throw new IllegalArgumentException("offer timeout must be positive, got " + offerTimeout);
        }
        if (creditsPerNode < 0) {
            throw new IllegalArgumentException("credits per node must not be negative, got " + creditsPerNode);
        }
    }

    /** The price of {@code nodes} nodes. */
    long price(int nodes) {
        return Math.multiplyExact(creditsPerNode, nodes);
    }
}

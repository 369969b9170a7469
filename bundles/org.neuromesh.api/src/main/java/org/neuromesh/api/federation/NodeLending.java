package org.neuromesh.api.federation;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lends trained nodes to other peers and uses borrowed ones. Only behavioural nodes are lent: weights and node
 * state learnt from many samples, never anything tied to one sample or to personal data. Registered with
 * {@value #NAME_PROPERTY} naming the implementation.
 */
@ConsumerType
public interface NodeLending {

    /** Service property naming the implementation. */
    String NAME_PROPERTY = "neuromesh.lending";

    /**
     * Trains this peer's own model on its local data alone (the model nodes are lent from and grafted into) and
     * keeps it, replacing the previous one.
     *
     * @param stop polled between batches
     * @return its evaluation on the local test data
     */
    Evaluation trainOwn(String rule, List<Integer> hidden, int epochs, long seed, BooleanSupplier stop)
            throws IOException;

    /**
     * Picks {@code count} nodes of this peer's own trained model that serve {@code classes} best.
     *
     * @throws IOException if there is no trained model to lend from
     * @throws IllegalArgumentException for classes this peer does not have or a bad count
     */
    NodePacket lend(Set<Integer> classes, int count) throws IOException;

    /**
     * Grafts a borrowed packet into this peer's own model.
     *
     * @return the evaluation of the model with the borrowed nodes
     * @throws IOException if the packet does not fit this peer's model (named)
     */
    Evaluation graft(NodePacket packet) throws IOException;

    /** The current state of a grafted packet, to return to its owner; the nodes stay in use. */
    NodePacket snapshot(String packetId) throws IOException;

    /** Evaluation of this peer's own model as it is now. */
    Evaluation evaluateOwn() throws IOException;
}

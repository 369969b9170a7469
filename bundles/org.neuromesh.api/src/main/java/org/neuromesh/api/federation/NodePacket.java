package org.neuromesh.api.federation;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Trained nodes on their way between peers (sealed into a capsule of kind {@code node-packet}).
 *
 * @param packetId unique id
 * @param classes the classes the nodes serve
 * @param nodes number of nodes
 * @param state the nodes' state in the lender's format
 */
public record NodePacket(String packetId, SortedSet<Integer> classes, int nodes, byte[] state) {

    public NodePacket {
        if (packetId == null || packetId.isBlank()) {
            throw new IllegalArgumentException("node packet needs an id");
        }
        classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes == null ? Set.of() : classes));
        if (classes.isEmpty() || nodes < 1) {
            throw new IllegalArgumentException("node packet " + packetId + " must hold nodes for some classes");
        }
        if (state == null || state.length == 0) {
            throw new IllegalArgumentException("node packet " + packetId + " has no state");
        }
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }
}

package org.neuromesh.ui.model;

/** One row of the Peers view, as text. */
public record PeerRow(String id, String name, String capabilities, String health, String latency, String credits,
        String lastSeen) {
}

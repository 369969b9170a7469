package org.neuromesh.ui.model;

import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.peer.TransportState;

/** The status line's connection text, e.g. {@code Connected to tcp://127.0.0.1:1883 · 3 peers}. */
public final class ConnectionText {

    /** Shown before the peer runtime has told anything. */
    public static final String STARTING = "Peer starting ...";

    private ConnectionText() {
    }

    public static String of(NetworkStatus status) {
        TransportState transport = status.transport();
        int peers = status.peers().size();
        String known = peers == 1 ? "1 peer" : peers + " peers";
        if (transport.connected()) {
            return "Connected" + (transport.endpoint().isEmpty() ? "" : " to " + transport.endpoint()) + " · "
                    + known;
        }
        return "Not connected" + (transport.endpoint().isEmpty() ? "" : " to " + transport.endpoint())
                + (transport.problem().isEmpty() ? "" : ": " + transport.problem());
    }
}

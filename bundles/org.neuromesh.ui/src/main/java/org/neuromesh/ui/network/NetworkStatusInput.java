package org.neuromesh.ui.network;

import java.util.Optional;

import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerNetwork;
import org.osgi.service.event.Event;

/** Reads the network status out of a {@link PeerNetwork#TOPIC_CHANGED} event. */
final class NetworkStatusInput {

    private NetworkStatusInput() {
    }

    static Optional<NetworkStatus> of(Event event) {
        return event != null && event.getProperty(PeerNetwork.STATUS) instanceof NetworkStatus status
                ? Optional.of(status) : Optional.empty();
    }
}

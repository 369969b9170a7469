package org.neuromesh.api.peer;

import org.osgi.annotation.versioning.ConsumerType;

/** Told by a {@link PeerDiscovery} when peers come, change or go. Called on a transport thread: return quickly. */
@ConsumerType
public interface PeerListener {

    /** A peer was seen for the first time, or again after it had left. */
    void peerAppeared(PeerInfo peer);

    /** A known peer sent new capabilities or health. */
    default void peerUpdated(PeerInfo peer) {
    }

    /** A peer left, or was declared dead (missed heartbeats, last will). */
    void peerLeft(PeerId peer);
}

package org.neuromesh.api.peer;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds other peers and announces this one. Registered with {@value #NAME_PROPERTY} set to the transport,
 * e.g. {@code mqtt}, {@code signaling} or {@code ledger}.
 *
 * <p>Providers must drop a peer that stopped announcing itself within a documented time, must never report this
 * peer itself, and must be thread-safe.
 */
@ConsumerType
public interface PeerDiscovery {

    /** Service property naming the transport. */
    String NAME_PROPERTY = "neuromesh.discovery";

    /** The peers currently known to be alive, excluding this one. */
    List<PeerInfo> peers();

    /**
     * Adds a listener; it is first told about every currently known peer.
     *
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable addListener(PeerListener listener);
}

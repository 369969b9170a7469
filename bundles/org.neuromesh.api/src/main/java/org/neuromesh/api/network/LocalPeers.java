package org.neuromesh.api.network;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Headless peers started on this machine from this peer's own installation, each in a process and folder of its
 * own, joined to the broker this peer uses: for the guided demo and for trying sessions and loans without a second
 * machine. Registered by the bundle that launches them; every local peer stops, and its folder is deleted, when
 * {@link #stopAll()} is called or that bundle stops.
 *
 * @since 1.2
 */
@ProviderType
public interface LocalPeers {

    /**
     * Starts a local peer. Returns at once; the work (launching, joining the broker, training the peer's own model
     * when the plan asks for one) goes on on the provider's threads.
     *
     * @return completes with the running peer once it is ready; exceptionally with a {@link PeerActionException}
     *         saying why it could not start (no installed product to start it from, a broker other peers on this
     *         machine cannot join, the name taken, the process ended early ...); the peer is stopped then
     */
    CompletionStage<LocalPeer> start(LocalPeerPlan plan);

    /** The local peers running now, in the order they were started. */
    List<LocalPeer> running();

    /** Stops every local peer (politely first, then forcibly) and deletes their folders. Blocks until done. */
    void stopAll();
}

package org.neuromesh.api.network;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A peer running on this machine, started by {@link LocalPeers}.
 *
 * @param plan    what it was started with
 * @param pid     its process id
 * @param folder  its folder (configuration, identity, data of its own); deleted when it stops
 * @param ownModelAccuracy accuracy of its own model on its local test data, NaN if it trained none
 * @since 1.2
 */
public record LocalPeer(LocalPeerPlan plan, long pid, Path folder, double ownModelAccuracy) {

    public LocalPeer {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(folder, "folder");
    }

    /** The name it shows to other peers. */
    public String name() {
        return plan.name();
    }
}

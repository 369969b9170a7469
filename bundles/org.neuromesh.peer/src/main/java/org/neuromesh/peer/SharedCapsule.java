package org.neuromesh.peer;

import java.time.Instant;
import java.util.Objects;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.peer.PeerId;

/**
 * A capsule another peer shared with this one, opened and verified.
 *
 * @param sender who sealed it
 * @param capsule its content
 * @param receivedAt when this peer opened it
 */
public record SharedCapsule(PeerId sender, Capsule capsule, Instant receivedAt) {

    public SharedCapsule {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(capsule, "capsule");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

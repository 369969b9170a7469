package org.neuromesh.api.peer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What discovery knows about a peer.
 *
 * @param id the peer's identity
 * @param displayName a name chosen by its owner; not unique
 * @param capabilities what it offers, e.g. {@code rule:eligibility}, {@code data:mnist}, {@code free-nodes:128}
 * @param health transport-specific health figures (load, round-trip latency, ...), as text
 * @param lastSeen when discovery last heard from it
 */
public record PeerInfo(PeerId id, String displayName, Set<String> capabilities, Map<String, String> health,
        Instant lastSeen) {

    public PeerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastSeen, "lastSeen");
        displayName = displayName == null || displayName.isBlank() ? id.shortForm() : displayName;
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
        health = Map.copyOf(health == null ? Map.of() : health);
    }
}

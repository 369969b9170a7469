package org.neuromesh.crypto;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectedMessageException;

/** A test peer: a fresh identity, its security with its own clock, trusting whoever the test introduces. */
final class Peer {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    final PeerIdentity identity;
    final AdjustableClock clock;
    final MessageSecurity security;

    private Peer(PeerIdentity identity, SecurityLimits limits) {
        this.identity = identity;
        this.clock = new AdjustableClock(START);
        this.security = new MessageSecurity(identity, clock, TimeWindows.defaults(), limits);
    }

    static Peer create() {
        return new Peer(PeerIdentity.generate(RANDOM), SecurityLimits.defaults());
    }

    static Peer create(SecurityLimits limits) {
        return new Peer(PeerIdentity.generate(RANDOM), limits);
    }

    /** Every peer learns every other peer's keys. */
    static void introduce(Peer... peers) throws RejectedMessageException {
        for (Peer peer : peers) {
            for (Peer other : peers) {
                if (peer != other) {
                    peer.security.trust(other.id(), other.security.publicKeys());
                }
            }
        }
    }

    static List<PeerId> ids(Peer... peers) {
        return Arrays.stream(peers).map(Peer::id).toList();
    }

    PeerId id() {
        return identity.id();
    }

    /** A capsule with every field set. */
    static Capsule capsule(String id, PrivacyLevel privacy, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        RANDOM.nextBytes(payload);
        return new Capsule(id, "cluster-delta", privacy, Set.of("mnist", "layer-1", "round-7"),
                new float[] {0.25f, -1.5f, Float.MIN_VALUE, 3.0e7f}, payload, START.minusSeconds(30).plusNanos(17));
    }
}

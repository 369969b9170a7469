package org.neuromesh.discovery.mqtt;

import java.util.Objects;
import java.util.Optional;

import org.neuromesh.api.peer.PeerId;

/**
 * The topic layout under a root (default {@code neuromesh/v1}):
 *
 * <pre>
 * ROOT/presence/PEER   retained, QoS 1  peer.presence (or the last will peer.offline)
 * ROOT/heartbeat/PEER  QoS 0            peer.heartbeat: load, free heap, broker round trip
 * ROOT/ping/PEER       QoS 0            peer.ping, sent by PEER to itself to time the broker round trip
 * ROOT/inbox/PEER      QoS 1            capsules and control messages addressed to PEER
 * ROOT/broadcast       QoS 1            control messages without a recipient
 * ROOT/audit           QoS 1            signed audit records
 * </pre>
 */
public final class Topics {

    /** What a topic is for. */
    public enum Kind {
        PRESENCE("presence"), HEARTBEAT("heartbeat"), PING("ping"), INBOX("inbox"), BROADCAST("broadcast"),
        AUDIT("audit");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        /** The topic level naming this kind. */
        public String level() {
            return level;
        }

        /** Whether topics of this kind end with a peer id. */
        public boolean perPeer() {
            return this != BROADCAST && this != AUDIT;
        }
    }

    /**
     * A topic that was understood.
     *
     * @param kind what it is for
     * @param peer the peer it belongs to, or {@code null} for broadcast and audit
     */
    public record Address(Kind kind, PeerId peer) {
    }

    private final String root;

    public Topics(String root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public String root() {
        return root;
    }

    public String presence(PeerId peer) {
        return perPeer(Kind.PRESENCE, peer);
    }

    public String heartbeat(PeerId peer) {
        return perPeer(Kind.HEARTBEAT, peer);
    }

    public String ping(PeerId peer) {
        return perPeer(Kind.PING, peer);
    }

    public String inbox(PeerId peer) {
        return perPeer(Kind.INBOX, peer);
    }

    public String broadcast() {
        return root + "/" + Kind.BROADCAST.level();
    }

    public String audit() {
        return root + "/" + Kind.AUDIT.level();
    }

    /** The filter subscribing to a per-peer kind for every peer, e.g. {@code ROOT/presence/+}. */
    public String everyPeer(Kind kind) {
        if (!kind.perPeer()) {
            throw new IllegalArgumentException(kind + " is not a per-peer topic");
        }
        return root + "/" + kind.level() + "/+";
    }

    /** Understands a topic of this layout; empty for anything else (other root, unknown level, bad peer id). */
    public Optional<Address> parse(String topic) {
        if (topic == null || !topic.startsWith(root + "/")) {
            return Optional.empty();
        }
        String[] levels = topic.substring(root.length() + 1).split("/", -1);
        for (Kind kind : Kind.values()) {
            if (!kind.level().equals(levels[0])) {
                continue;
            }
            if (!kind.perPeer()) {
                return levels.length == 1 ? Optional.of(new Address(kind, null)) : Optional.empty();
            }
            if (levels.length != 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Address(kind, new PeerId(levels[1])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String perPeer(Kind kind, PeerId peer) {
        return root + "/" + kind.level() + "/" + peer.value();
    }
}

package org.neuromesh.ui.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.peer.PeerInfo;

/**
 * The Peers view: one row per peer discovery knows, with its health, its round trip to the broker, this peer's
 * credits with it and how long ago it was last heard.
 *
 * <p>Health is how much of the silence discovery tolerates is left: 100% when the peer was heard within one tenth of
 * the transport's silence limit, falling linearly to 0% at the limit, when discovery takes the peer as gone.
 */
public final class PeersViewModel {

    /** Column headers, in order. */
    public static final List<String> COLUMNS = List.of("Peer", "Name", "Capabilities", "Health", "Latency",
            "Credits", "Last seen");
    /** Health key of the peer's round trip to its broker, in microseconds (the MQTT transport's). */
    static final String BROKER_RTT_MICROS = "brokerRttMicros";

    private PeersViewModel() {
    }

    /** The rows for {@code status}, by name. */
    public static List<PeerRow> rows(NetworkStatus status) {
        return status.peers().stream().sorted(Comparator.comparing(PeerInfo::displayName)
                .thenComparing(peer -> peer.id().value())).map(peer -> row(status, peer)).toList();
    }

    /** The line above the table: this peer and how many it knows. */
    public static String summary(NetworkStatus status) {
        int count = status.peers().size();
        String others = count == 0 ? "no other peer known yet" : count == 1 ? "1 other peer" : count + " other peers";
        return "This peer " + status.self().shortForm() + ": " + others;
    }

    /** Health of {@code peer} in percent, or -1 if the transport does not tell its silence limit. */
    public static int healthPercent(PeerInfo peer, Instant now, Duration silenceLimit) {
        if (silenceLimit.isZero()) {
            return -1;
        }
        double silent = Math.max(0, Duration.between(peer.lastSeen(), now).toMillis());
        double limit = silenceLimit.toMillis();
        double left = 1 - Math.max(0, silent - limit / 10) / (limit * 0.9);
        return (int) Math.round(100 * Math.max(0, Math.min(1, left)));
    }

    /** The peer's round trip to its broker in milliseconds, or -1 if it did not tell it. */
    public static double latencyMillis(PeerInfo peer) {
        String micros = peer.health().get(BROKER_RTT_MICROS);
        if (micros == null) {
            return -1;
        }
        try {
            return Long.parseLong(micros) / 1000.0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static PeerRow row(NetworkStatus status, PeerInfo peer) {
        int health = healthPercent(peer, status.at(), status.transport().silenceLimit());
        double latency = latencyMillis(peer);
        Long credits = status.credits().get(peer.id());
        return new PeerRow(peer.id().shortForm(), peer.displayName(), String.join(", ",
                new TreeSet<>(peer.capabilities())), health < 0 ? "?" : health + "%",
                latency < 0 ? "?" : String.format(Locale.ROOT, "%.1f ms", latency),
                credits == null ? "0" : String.format(Locale.ROOT, "%+d", credits),
                ago(Duration.between(peer.lastSeen(), status.at())));
    }

    /** E.g. {@code now}, {@code 3 s ago}, {@code 2 min ago}. */
    static String ago(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 1) {
            return "now";
        }
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}

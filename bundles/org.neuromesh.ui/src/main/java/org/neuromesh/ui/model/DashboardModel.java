package org.neuromesh.ui.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.security.RejectionReason;

/**
 * The Dashboard's figures: peers, mean health, mean latency, credit balance, capsules, and the rates of capsules
 * and bytes since the previous status it was given. Not thread-safe: the view updates it on the UI thread.
 */
public final class DashboardModel {

    /** One figure: what it is and its value as text. */
    public record Figure(String name, String value) {
    }

    private NetworkStatus previous;
    private List<Figure> figures = List.of();

    /** Takes a new status; the rates are over the time since the last one. */
    public void update(NetworkStatus status) {
        List<Figure> now = new ArrayList<>();
        now.add(new Figure("Peers", Integer.toString(status.peers().size())));
        now.add(new Figure("Network health", meanHealth(status)));
        now.add(new Figure("Average latency", meanLatency(status)));
        now.add(new Figure("Credit balance", String.format(Locale.ROOT, "%+d", status.creditBalance())));
        long capsules = status.traffic().capsulesSent() + status.traffic().capsulesOpened();
        now.add(new Figure("Capsules", capsules + " (" + status.traffic().capsulesSent() + " sent, "
                + status.traffic().capsulesOpened() + " opened)"));
        now.add(new Figure("Capsules/s", rate(status, capsules, previous == null ? 0
                : previous.traffic().capsulesSent() + previous.traffic().capsulesOpened(), "%.1f")));
        long bytes = status.traffic().bytesSent() + status.traffic().bytesOpened();
        now.add(new Figure("Bytes/s", rate(status, bytes, previous == null ? 0
                : previous.traffic().bytesSent() + previous.traffic().bytesOpened(), "%.0f")));
        now.add(new Figure("Refused messages", refused(status.refused())));
        figures = List.copyOf(now);
        previous = status;
    }

    public List<Figure> figures() {
        return figures;
    }

    private String rate(NetworkStatus status, long now, long before, String format) {
        if (previous == null) {
            return "-";
        }
        double seconds = Duration.between(previous.at(), status.at()).toMillis() / 1000.0;
        return seconds <= 0 ? "-" : String.format(Locale.ROOT, format, Math.max(0, now - before) / seconds);
    }

    private static String meanHealth(NetworkStatus status) {
        double sum = 0;
        int counted = 0;
        for (PeerInfo peer : status.peers()) {
            int health = PeersViewModel.healthPercent(peer, status.at(), status.transport().silenceLimit());
            if (health >= 0) {
                sum += health;
                counted++;
            }
        }
        return counted == 0 ? "-" : Math.round(sum / counted) + "%";
    }

    private static String meanLatency(NetworkStatus status) {
        double sum = 0;
        int counted = 0;
        for (PeerInfo peer : status.peers()) {
            double latency = PeersViewModel.latencyMillis(peer);
            if (latency >= 0) {
                sum += latency;
                counted++;
            }
        }
        return counted == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", sum / counted);
    }

    private static String refused(Map<RejectionReason, Long> refused) {
        if (refused.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(refused).forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ").append(reason).append(' ')
                .append(count));
        return text.toString();
    }
}

package org.neuromesh.cli;

import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;

import org.neuromesh.peer.MemberReport;
import org.neuromesh.peer.SessionStatus;
import org.neuromesh.peer.SessionStatus.RoundSummary;

/** The text the session command prints: one line per closed round, and the results table at the end. */
public final class SessionReport {

    private SessionReport() {
    }

    public static String roundLine(SessionStatus status, RoundSummary round) {
        return String.format(Locale.ROOT, "round %d/%d: %d of %d members, accuracy %.2f%%, %.1f s, in %s, out %s",
                round.round(), status.plan().rounds(), round.contributors(), round.members(), 100 * round.accuracy(),
                round.seconds(), bytes(round.bytesIn()), bytes(round.bytesOut()));
    }

    /**
     * The results table: per member its classes, accuracy alone and after the session, bytes sent; then the
     * centralised reference (NaN: not trained), rounds, wall time and bytes per peer per round.
     */
    public static String table(SessionStatus status, double reference, double wallSeconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-10s %-14s %10s %10s %12s%n", "member", "classes", "alone",
                "session", "sent"));
        long sentByMembers = 0;
        for (MemberReport r : status.reports().stream().sorted(Comparator.comparing(MemberReport::classes))
                .toList()) {
            text.append(String.format(Locale.ROOT, "%-10s %-14s %9.2f%% %9.2f%% %12s%n", r.member().shortForm(),
                    r.classes(), 100 * r.accuracyAlone(), 100 * r.accuracyTogether(), bytes(r.bytesSent())));
            sentByMembers += r.bytesSent();
        }
        int rounds = status.rounds().size();
        OptionalDouble together = status.reports().stream().mapToDouble(MemberReport::accuracyTogether).average();
        text.append(String.format(Locale.ROOT, "session model: %.2f%% after %d rounds in %.1f s%n",
                100 * (together.isPresent() ? together.getAsDouble() : status.accuracy()), rounds, wallSeconds));
        if (!Double.isNaN(reference)) {
            text.append(String.format(Locale.ROOT, "centralised reference (same rule, network, samples): %.2f%%"
                    + " (session %+.2f points)%n", 100 * reference, 100 * (status.accuracy() - reference)));
        }
        int members = Math.max(1, status.reports().size());
        if (rounds > 0) {
            text.append(String.format(Locale.ROOT, "bytes per member per round: sent %s, received %s%n",
                    bytes(sentByMembers / members / rounds), bytes(status.bytesSent() / rounds)));
        }
        return text.toString();
    }

    static String bytes(long count) {
        if (count >= 10L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", count / 1048576.0);
        }
        if (count >= 10L << 10) {
            return String.format(Locale.ROOT, "%.1f KB", count / 1024.0);
        }
        return count + " B";
    }
}

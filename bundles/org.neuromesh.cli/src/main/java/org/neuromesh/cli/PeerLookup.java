package org.neuromesh.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;

/** Finds a known peer from what a user types: its whole id, the start of it (at least 8 digits), or its name. */
public final class PeerLookup {

    private static final int SHORTEST_PREFIX = 8;

    private PeerLookup() {
    }

    /**
     * @throws IllegalArgumentException naming the known peers if none or several match
     */
    public static PeerId find(String typed, List<PeerInfo> known) {
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        List<PeerInfo> matches = known.stream().filter(peer -> matches(peer, wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        String list = known.isEmpty() ? "no other peer is known yet"
                : "known: " + known.stream().map(p -> p.id().shortForm() + " (" + p.displayName() + ")")
                        .collect(Collectors.joining(", "));
        throw new IllegalArgumentException((matches.isEmpty() ? "no known peer is '" : "several peers match '")
                + typed + "'; " + list);
    }

    private static boolean matches(PeerInfo peer, String wanted) {
        return peer.displayName().toLowerCase(Locale.ROOT).equals(wanted)
                || wanted.length() >= SHORTEST_PREFIX && peer.id().value().startsWith(wanted);
    }
}

package org.neuromesh.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.neuromesh.api.network.MessageFlow;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;

/**
 * The Network view: this peer in the middle, the peers it knows on a circle around it, a link to each, and the
 * messages that pass drawn as dots moving along the links, coloured by what they are. Coordinates are in a unit
 * square (0..1), the view scales them. Not thread-safe: the view feeds it on the UI thread.
 */
public final class NetworkViewModel {

    /** How long a message takes to cross its link on screen. */
    public static final long FLIGHT_MILLIS = 900;
    /** Dots in the air at most: a flood shows as a full link and a count, not as unbounded dots. */
    static final int MAX_DOTS = 200;
    /** The window of the counts under the picture. */
    static final long COUNT_WINDOW_MILLIS = 10_000;

    /** What a message is, for its colour and its count. */
    public enum Kind {
        CONTRIBUTION("contribution"), GLOBAL_STATE("global state"), BORROWING("borrow packet"), SIGNAL("signal"),
        SESSION("session message"), CAPSULE("capsule");

        private final String name;

        Kind(String name) {
            this.name = name;
        }

        /** E.g. "1 signal", "3 contributions". */
        public String count(long n) {
            return n + " " + name + (n == 1 ? "" : "s");
        }

        /** The kind of a capsule kind or control type as the peer names them. */
        public static Kind of(String kind) {
            if (kind.equals("round-contribution")) {
                return CONTRIBUTION;
            } else if (kind.equals("global-state")) {
                return GLOBAL_STATE;
            } else if (kind.startsWith("node-") || kind.startsWith("nodes.")) {
                return BORROWING;
            } else if (kind.startsWith("signal.")) {
                return SIGNAL;
            } else if (kind.startsWith("session.")) {
                return SESSION;
            }
            return CAPSULE;
        }
    }

    /** A peer on the picture; {@code self} is this one. */
    public record Node(String id, String label, double x, double y, boolean self) {
    }

    /** A message on its way: from one node towards another, {@code progress} 0..1 of the way. */
    public record Dot(double x, double y, Kind kind) {
    }

    private record Flight(PeerId from, PeerId to, Kind kind, long startMillis) {
    }

    private record Passed(Kind kind, long atMillis) {
    }

    private PeerId self;
    private final Map<PeerId, Node> nodes = new LinkedHashMap<>();
    private final Deque<Flight> flights = new ArrayDeque<>();
    private final Deque<Passed> passed = new ArrayDeque<>();
    private long notShown;

    /** The peers changed: lays them out again, sorted by name, on a circle around this peer. */
    public void update(NetworkStatus status) {
        self = status.self();
        nodes.clear();
        nodes.put(self, new Node(self.shortForm(), "this peer", 0.5, 0.5, true));
        List<PeerInfo> others = status.peers().stream().sorted(Comparator.comparing(PeerInfo::displayName))
                .toList();
        for (int i = 0; i < others.size(); i++) {
            double angle = 2 * Math.PI * i / others.size() - Math.PI / 2;
            PeerInfo peer = others.get(i);
            nodes.put(peer.id(), new Node(peer.id().shortForm(), peer.displayName(), 0.5 + 0.38 * Math.cos(angle),
                    0.5 + 0.38 * Math.sin(angle), false));
        }
    }

    /**
     * Messages passed: each becomes a dot that starts at {@code nowMillis}. A broadcast this peer sent flies to every
     * peer; a message of a peer not on the picture (not discovered yet) is counted only.
     */
    public void passed(MessageFlows flows, long nowMillis) {
        notShown += flows.notShown();
        for (MessageFlow flow : flows.shown()) {
            Kind kind = Kind.of(flow.kind());
            passed.addLast(new Passed(kind, nowMillis));
            if (self == null) {
                continue;
            }
            if (flow.peer() == null) {
                for (PeerId peer : nodes.keySet()) {
                    if (!peer.equals(self)) {
                        fly(self, peer, kind, nowMillis);
                    }
                }
            } else if (nodes.containsKey(flow.peer())) {
                fly(flow.outgoing() ? self : flow.peer(), flow.outgoing() ? flow.peer() : self, kind, nowMillis);
            }
        }
        forget(nowMillis);
    }

    private void fly(PeerId from, PeerId to, Kind kind, long nowMillis) {
        if (flights.size() >= MAX_DOTS) {
            flights.removeFirst();
        }
        flights.addLast(new Flight(from, to, kind, nowMillis));
    }

    private void forget(long nowMillis) {
        while (!flights.isEmpty() && nowMillis - flights.peekFirst().startMillis() > FLIGHT_MILLIS) {
            flights.removeFirst();
        }
        while (!passed.isEmpty() && nowMillis - passed.peekFirst().atMillis() > COUNT_WINDOW_MILLIS) {
            passed.removeFirst();
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The dots in the air at {@code nowMillis}; those that arrived are gone. */
    public List<Dot> dots(long nowMillis) {
        forget(nowMillis);
        List<Dot> dots = new ArrayList<>();
        for (Iterator<Flight> it = flights.iterator(); it.hasNext();) {
            Flight flight = it.next();
            Node from = nodes.get(flight.from());
            Node to = nodes.get(flight.to());
            if (from == null || to == null) {
                continue; // its peer left
            }
            double progress = Math.min(1, Math.max(0, (nowMillis - flight.startMillis()) / (double) FLIGHT_MILLIS));
            dots.add(new Dot(from.x() + (to.x() - from.x()) * progress, from.y() + (to.y() - from.y()) * progress,
                    flight.kind()));
        }
        return dots;
    }

    /** Whether something moves, i.e. the view should draw the next frame. */
    public boolean moving(long nowMillis) {
        forget(nowMillis);
        return !flights.isEmpty();
    }

    /**
     * E.g. "2 peers · in the last 10 s: 3 contributions, 1 signal" or "1 peer · no messages in the last 10 s";
     * with "(N more not drawn)" after a flood.
     */
    public String summary(long nowMillis) {
        forget(nowMillis);
        int peers = Math.max(0, nodes.size() - 1);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        passed.forEach(p -> counts.merge(p.kind(), 1L, Long::sum));
        String messages = counts.isEmpty() ? "no messages in the last 10 s"
                : "in the last 10 s: " + counts.entrySet().stream().map(e -> e.getKey().count(e.getValue()))
                        .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d %s · %s%s", peers, peers == 1 ? "peer" : "peers", messages,
                notShown > 0 ? " (" + notShown + " more not drawn)" : "");
    }
}

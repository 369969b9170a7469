package org.neuromesh.discovery.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;

/**
 * The peers discovery knows, and the listeners told about them. A peer is alive from its presence until its
 * last will, a goodbye or {@code missed} heartbeat intervals of silence; a silent peer that sends again comes back.
 * All changes and notifications happen under one lock, so every listener sees each peer's events in order;
 * listeners must therefore return quickly and not block on other threads.
 */
final class PeerTable {

    private static final Logger LOG = System.getLogger(PeerTable.class.getName());

    private final int missed;
    private final LongSupplier nanoClock;
    private final Map<PeerId, Entry> entries = new HashMap<>();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

    PeerTable(int missed, LongSupplier nanoClock) {
        this.missed = missed;
        this.nanoClock = nanoClock;
    }

    /** Records a verified presence; tells listeners about a new, returning or changed peer. */
    synchronized void presence(PeerId id, PresenceBody presence, Instant sentAt) {
        Entry entry = entries.get(id);
        if (entry != null && entry.presenceSentAt.isAfter(sentAt)) {
            return; // an older announcement than the one we have
        }
        boolean wasAlive = entry != null && entry.alive;
        boolean changed = entry == null || !entry.presence.displayName().equals(presence.displayName())
                || !entry.presence.capabilities().equals(presence.capabilities());
        Map<String, String> health = entry == null ? Map.of() : entry.health;
        entry = new Entry(presence, sentAt, health, nanoClock.getAsLong(), Instant.now(), true);
        entries.put(id, entry);
        PeerInfo info = entry.info(id);
        if (!wasAlive) {
            notify(listener -> listener.peerAppeared(info));
        } else if (changed) {
            notify(listener -> listener.peerUpdated(info));
        }
    }

    /**
     * Records a verified heartbeat.
     *
     * @return false if no presence of the peer is known (its heartbeat cannot be attributed)
     */
    synchronized boolean heartbeat(PeerId id, Map<String, String> health) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return false;
        }
        boolean wasAlive = entry.alive;
        Entry updated = new Entry(entry.presence, entry.presenceSentAt, Map.copyOf(health), nanoClock.getAsLong(),
                Instant.now(), true);
        entries.put(id, updated);
        PeerInfo info = updated.info(id);
        if (wasAlive) {
            notify(listener -> listener.peerUpdated(info));
        } else {
            notify(listener -> listener.peerAppeared(info));
        }
        return true;
    }

    /** The peer said goodbye (or its last will came): it is forgotten. */
    synchronized void offline(PeerId id) {
        Entry entry = entries.remove(id);
        if (entry != null && entry.alive) {
            notify(listener -> listener.peerLeft(id));
        }
    }

    /** Whether a presence of this peer is known (alive or silent). */
    synchronized boolean knows(PeerId id) {
        return entries.containsKey(id);
    }

    /** Declares peers gone that stayed silent for {@code missed} of their heartbeat intervals. */
    synchronized void expire() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<PeerId, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            long allowed = missed * entry.presence.heartbeatMillis() * 1_000_000L;
            if (entry.alive && now - entry.lastHeardNanos > allowed) {
                each.setValue(new Entry(entry.presence, entry.presenceSentAt, entry.health, entry.lastHeardNanos,
                        entry.lastSeen, false));
                PeerId id = each.getKey();
                LOG.log(Level.INFO, "Peer " + id.shortForm() + " missed " + missed + " heartbeats; declared gone");
                notify(listener -> listener.peerLeft(id));
            }
        }
    }

    synchronized List<PeerInfo> alive() {
        List<PeerInfo> result = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.alive) {
                result.add(entry.info(id));
            }
        });
        return List.copyOf(result);
    }

    /** Adds a listener and tells it about every live peer first. */
    synchronized AutoCloseable addListener(PeerListener listener) {
        Objects.requireNonNull(listener, "listener");
        for (PeerInfo peer : alive()) {
            call(listener, l -> l.peerAppeared(peer));
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notify(java.util.function.Consumer<PeerListener> event) {
        for (PeerListener listener : listeners) {
            call(listener, event);
        }
    }

    private static void call(PeerListener listener, java.util.function.Consumer<PeerListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Peer listener " + listener + " failed", e);
        }
    }

    private record Entry(PresenceBody presence, Instant presenceSentAt, Map<String, String> health,
            long lastHeardNanos, Instant lastSeen, boolean alive) {

        PeerInfo info(PeerId id) {
            return new PeerInfo(id, presence.displayName(), presence.capabilities(), health, lastSeen);
        }
    }
}

package org.neuromesh.discovery.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * The peers discovery knows, and the listeners told about them. A peer is alive from its presence until its
 * last will, a goodbye or {@code missed} heartbeat intervals of silence; a silent peer that sends again comes back.
 * All changes and notifications happen under one lock, so every listener sees each peer's events in order;
 * listeners must therefore return quickly and not block on other threads.
 *
 * <p>Announcements are signed, but a signed message can be captured and sent again, so the table checks that each
 * is fresh: a presence older than the one held (or than a goodbye's) is refused as {@code STALE}; a goodbye or last
 * will counts only if it ends the run and connection of the presence held; a heartbeat only if it belongs to that
 * run, has a sequence number above the last one seen ({@code REPLAYED} otherwise) and was signed within
 * {@code heartbeatWindow} of this peer's clock. A peer that said goodbye is remembered as gone, so that its earlier
 * presence cannot bring it back. At most {@value #MAX_PEERS} peers are kept; gone and silent ones make room first.
 */
final class PeerTable {

    /** Most peers kept, alive, silent or gone: anyone can make a key and sign a presence with it. */
    static final int MAX_PEERS = 10_000;

    private static final Logger LOG = System.getLogger(PeerTable.class.getName());

    private final int missed;
    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;
    private final Duration heartbeatWindow;
    private final Map<PeerId, Entry> entries = new HashMap<>();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

    PeerTable(int missed, LongSupplier nanoClock, Supplier<Instant> wallClock, Duration heartbeatWindow) {
        this.missed = missed;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.heartbeatWindow = heartbeatWindow;
    }

    /** Records a verified presence; tells listeners about a new, returning or changed peer. */
    synchronized void presence(PeerId id, PresenceBody presence, Instant sentAt) throws RejectedMessageException {
        Entry entry = entries.get(id);
        if (entry != null && (entry.presenceSentAt.isAfter(sentAt)
                || entry.gone && !sentAt.isAfter(entry.presenceSentAt))) {
            throw new RejectedMessageException(RejectionReason.STALE, "presence of " + id.shortForm()
                    + " signed at " + sentAt + ": " + (entry.gone ? "the peer said goodbye after it"
                            : "older than the one held, signed at " + entry.presenceSentAt));
        }
        if (entry == null && entries.size() >= MAX_PEERS && !makeRoom()) {
            throw new RejectedMessageException(RejectionReason.UNKNOWN_SENDER, "presence of " + id.shortForm()
                    + " not taken: " + MAX_PEERS + " peers are known and alive");
        }
        boolean wasAlive = entry != null && entry.alive;
        boolean changed = entry == null || !entry.presence.displayName().equals(presence.displayName())
                || !entry.presence.capabilities().equals(presence.capabilities());
        boolean sameRun = entry != null && entry.presence.run() == presence.run();
        Map<String, String> health = entry == null ? Map.of() : entry.health;
        entry = new Entry(presence, sentAt, health, nanoClock.getAsLong(), Instant.now(), true, false,
                sameRun ? entry.lastSequence : 0);
        entries.put(id, entry);
        PeerInfo info = entry.info(id);
        if (!wasAlive) {
            notify(listener -> listener.peerAppeared(info));
        } else if (changed) {
            notify(listener -> listener.peerUpdated(info));
        }
    }

    /**
     * Records a verified heartbeat signed at {@code sentAt}.
     *
     * @throws RejectedMessageException {@code UNKNOWN_SENDER} if no presence of the peer is held (or it said
     *         goodbye), {@code STALE} if it belongs to another run or was signed outside the window,
     *         {@code REPLAYED} if its sequence number is not above the last one seen
     */
    synchronized void heartbeat(PeerId id, HeartbeatBody heartbeat, Instant sentAt) throws RejectedMessageException {
        Entry entry = entries.get(id);
        if (entry == null || entry.gone) {
            throw new RejectedMessageException(RejectionReason.UNKNOWN_SENDER, "heartbeat of " + id.shortForm()
                    + (entry == null ? " before its presence" : " after its goodbye"));
        }
        if (heartbeat.run() != entry.presence.run()) {
            throw new RejectedMessageException(RejectionReason.STALE, "heartbeat of " + id.shortForm()
                    + " from another run than the one it announced");
        }
        if (heartbeat.sequence() <= entry.lastSequence) {
            throw new RejectedMessageException(RejectionReason.REPLAYED, "heartbeat " + heartbeat.sequence() + " of "
                    + id.shortForm() + ", not after " + entry.lastSequence);
        }
        Duration age = Duration.between(sentAt, wallClock.get());
        if (age.abs().compareTo(heartbeatWindow) > 0) {
            throw new RejectedMessageException(RejectionReason.STALE, "heartbeat of " + id.shortForm()
                    + " signed at " + sentAt + ", outside +-" + heartbeatWindow.toSeconds() + " s");
        }
        boolean wasAlive = entry.alive;
        Entry updated = new Entry(entry.presence, entry.presenceSentAt, Map.copyOf(heartbeat.toHealth()),
                nanoClock.getAsLong(), Instant.now(), true, false, heartbeat.sequence());
        entries.put(id, updated);
        PeerInfo info = updated.info(id);
        if (wasAlive) {
            notify(listener -> listener.peerUpdated(info));
        } else {
            notify(listener -> listener.peerAppeared(info));
        }
    }

    /**
     * The peer said goodbye (or its last will came): it is gone, and remembered as gone.
     *
     * @throws RejectedMessageException {@code STALE} if the goodbye ends another run or connection than the one
     *         the peer announced (a captured goodbye sent again)
     */
    synchronized void offline(PeerId id, GoodbyeBody goodbye) throws RejectedMessageException {
        Entry entry = entries.get(id);
        if (entry == null || entry.gone) {
            return;
        }
        if (!goodbye.ends(entry.presence)) {
            throw new RejectedMessageException(RejectionReason.STALE, "goodbye of " + id.shortForm()
                    + " for another run or connection than the one it announced");
        }
        entries.put(id, new Entry(entry.presence, entry.presenceSentAt, entry.health, entry.lastHeardNanos,
                entry.lastSeen, false, true, entry.lastSequence));
        if (entry.alive) {
            notify(listener -> listener.peerLeft(id));
        }
    }

    /** Whether a presence of this peer is held (alive or silent, not gone). */
    synchronized boolean knows(PeerId id) {
        Entry entry = entries.get(id);
        return entry != null && !entry.gone;
    }

    /** Declares peers gone that stayed silent for {@code missed} of their heartbeat intervals. */
    synchronized void expire() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<PeerId, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            long allowed = missed * entry.presence.heartbeatMillis() * 1_000_000L;
            if (entry.alive && now - entry.lastHeardNanos > allowed) {
                each.setValue(new Entry(entry.presence, entry.presenceSentAt, entry.health, entry.lastHeardNanos,
                        entry.lastSeen, false, false, entry.lastSequence));
                PeerId id = each.getKey();
                LOG.log(Level.INFO, "Peer " + id.shortForm() + " missed " + missed + " heartbeats; declared gone");
                notify(listener -> listener.peerLeft(id));
            }
        }
    }

    /** Forgets the gone or silent peer heard from longest ago; false if every peer is alive. */
    private boolean makeRoom() {
        PeerId oldest = null;
        long oldestHeard = 0;
        for (Map.Entry<PeerId, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            if (!entry.alive && (oldest == null || entry.lastHeardNanos - oldestHeard < 0)) {
                oldest = each.getKey();
                oldestHeard = entry.lastHeardNanos;
            }
        }
        if (oldest == null) {
            return false;
        }
        entries.remove(oldest);
        return true;
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
            long lastHeardNanos, Instant lastSeen, boolean alive, boolean gone, long lastSequence) {

        PeerInfo info(PeerId id) {
            return new PeerInfo(id, presence.displayName(), presence.capabilities(), health, lastSeen);
        }
    }
}

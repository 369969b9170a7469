package org.neuromesh.discovery.mqtt.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;

/** Records what a discovery tells its listeners, for assertions. */
public final class PeerEvents implements PeerListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<PeerId, PeerInfo> latest = new ConcurrentHashMap<>();
    private final Map<PeerId, Long> leftAtNanos = new ConcurrentHashMap<>();

    @Override
    public void peerAppeared(PeerInfo peer) {
        events.add("appeared:" + peer.id().shortForm());
        latest.put(peer.id(), peer);
        leftAtNanos.remove(peer.id());
    }

    @Override
    public void peerUpdated(PeerInfo peer) {
        events.add("updated:" + peer.id().shortForm());
        latest.put(peer.id(), peer);
    }

    @Override
    public void peerLeft(PeerId peer) {
        events.add("left:" + peer.shortForm());
        latest.remove(peer);
        leftAtNanos.put(peer, System.nanoTime());
    }

    /** The peer as last reported, or null if it is not (or no longer) there. */
    public PeerInfo peer(PeerId id) {
        return latest.get(id);
    }

    public boolean present(PeerId id) {
        return latest.containsKey(id);
    }

    public boolean left(PeerId id) {
        return events.contains("left:" + id.shortForm());
    }

    /** When the peer was reported gone (System.nanoTime), or null. */
    public Long leftAt(PeerId id) {
        return leftAtNanos.get(id);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public String toString() {
        return "events " + events;
    }
}

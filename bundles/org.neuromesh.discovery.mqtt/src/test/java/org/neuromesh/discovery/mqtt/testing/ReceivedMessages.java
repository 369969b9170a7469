package org.neuromesh.discovery.mqtt.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerMessaging.InboundHandler;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;

/** Collects what a transport delivers, for assertions. */
public final class ReceivedMessages implements InboundHandler {

    private final List<Outbound> received = new CopyOnWriteArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public void received(Outbound message) {
        received.add(message);
        keys.add(key(message));
    }

    /** A message's identity: capsule id, control type + nonce, or audit record id. */
    public static String key(Outbound message) {
        if (message instanceof SealedCapsule capsule) {
            return "capsule:" + capsule.capsuleId();
        } else if (message instanceof SignedControlMessage control) {
            return control.type() + ":" + control.nonce();
        }
        return "audit:" + ((SignedAuditRecord) message).record().id();
    }

    public List<Outbound> all() {
        return List.copyOf(received);
    }

    /** Distinct messages (duplicates from at-least-once delivery counted once). */
    public Set<String> distinct() {
        return Set.copyOf(keys);
    }

    public boolean has(Outbound message) {
        return keys.contains(key(message));
    }

    public int count() {
        return received.size();
    }

    public Set<String> capsuleIds() {
        return keys.stream().filter(k -> k.startsWith("capsule:")).map(k -> k.substring(8))
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return "received " + received.size() + " (" + keys.size() + " distinct)";
    }
}

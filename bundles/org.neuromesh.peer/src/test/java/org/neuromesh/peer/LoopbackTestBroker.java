package org.neuromesh.peer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.crypto.WireFormat;

/**
 * TEST TRANSPORT, not a product: an in-process stand-in for the MQTT broker. Every message is encoded with the real
 * {@link WireFormat} and decoded again for each receiver, so real bytes cross; a capsule goes to its recipients, a
 * control message to its addressee or, without one, to every subscriber (the sender included, as a broker echoes
 * broadcasts). Each subscriber receives on its own thread, in order. {@link #misrouteCapsulesTo} makes it copy
 * every sealed capsule to one more peer, as a broken or hostile broker would; {@link #loseCapsulesTo} drops those
 * for one peer.
 */
final class LoopbackTestBroker implements AutoCloseable {

    private record Subscriber(PeerMessaging.InboundHandler handler, ExecutorService thread) {
    }

    private final WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
    private final Map<PeerId, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Set<PeerId> misrouted = ConcurrentHashMap.newKeySet();
    private final Set<PeerId> losing = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** The messaging of one peer on this broker. */
    PeerMessaging messagingFor(PeerId self) {
        return new PeerMessaging() {
            @Override
            public void send(Outbound message) throws IOException {
                if (!message.sender().equals(self)) {
                    throw new IOException("test transport of " + self.shortForm() + " was handed a message of "
                            + message.sender().shortForm());
                }
                deliver(message);
            }

            @Override
            public AutoCloseable subscribe(InboundHandler handler) {
                Subscriber subscriber = new Subscriber(handler, Executors.newSingleThreadExecutor(
                        runnable -> new Thread(runnable, "test-transport-" + self.shortForm())));
                subscribers.computeIfAbsent(self, id -> new CopyOnWriteArrayList<>()).add(subscriber);
                return () -> {
                    subscribers.get(self).remove(subscriber);
                    subscriber.thread().shutdownNow();
                };
            }
        };
    }

    /** From now on every sealed capsule is also delivered to {@code peer}, whoever it is addressed to. */
    void misrouteCapsulesTo(PeerId peer) {
        misrouted.add(peer);
    }

    /** From now on sealed capsules addressed to {@code peer} are lost on the way, as a broken broker would. */
    void loseCapsulesTo(PeerId peer) {
        losing.add(peer);
    }

    /** Messages sent through this broker. */
    long messages() {
        return messages.get();
    }

    /** Encoded bytes sent through this broker. */
    long bytes() {
        return bytes.get();
    }

    /** Messages that did not survive encoding and decoding (should be none). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        subscribers.values().forEach(list -> list.forEach(s -> s.thread().shutdownNow()));
        subscribers.clear();
    }

    private void deliver(Outbound message) throws IOException {
        byte[] encoded = wire.encode(message);
        messages.incrementAndGet();
        bytes.addAndGet(encoded.length);
        List<PeerId> targets = new ArrayList<>();
        if (message instanceof SealedCapsule sealed) {
            targets.addAll(sealed.recipients());
            targets.removeAll(losing);
            misrouted.stream().filter(p -> !targets.contains(p)).forEach(targets::add);
        } else if (message instanceof SignedControlMessage control && control.recipient() != null) {
            targets.add(control.recipient());
        } else {
            targets.addAll(subscribers.keySet());
        }
        for (PeerId target : targets) {
            for (Subscriber subscriber : subscribers.getOrDefault(target, List.of())) {
                subscriber.thread().execute(() -> {
                    try {
                        subscriber.handler().received(wire.decode(encoded));
                    } catch (RejectedMessageException e) {
                        failures.add(e.getMessage());
                    }
                });
            }
        }
    }
}

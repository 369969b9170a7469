package org.neuromesh.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.api.peer.PeerId;

/**
 * The messages an {@link Inbox} holds, by claimed sender, within {@link HoldingLimits}. Only what a message is
 * (its key in the store, its sender, its size) is kept here, not the message.
 *
 * <p>The policy when full: a sender over its own share is refused its new message, and its earlier ones stay; when
 * the whole is full, the sender that holds the most bytes (of two holding as much, the one whose oldest message is
 * older) gives up its oldest message, unless that is the new
 * message's sender (or a tie), in which case the new message is refused. So a flood under one claimed sender never
 * evicts another sender's message, a flood under many claimed senders ends up refused rather than churning, and a
 * small message of a new sender still finds room. Not thread-safe: the inbox guards it.
 */
final class HeldMessageQueue {

    private final HoldingLimits limits;
    private final Map<PeerId, Deque<HeldMessages.Held>> bySender = new HashMap<>();
    private final Map<PeerId, Long> bytesBySender = new HashMap<>();
    /** Arrival order of each held message, to break ties between senders holding as much: the older gives way. */
    private final Map<HeldMessages.Held, Long> arrival = new HashMap<>();
    private long arrivals;
    private int count;
    private long bytes;

    HeldMessageQueue(HoldingLimits limits) {
        this.limits = limits;
    }

    /**
     * Makes room for a message of {@code size} bytes from {@code sender}.
     *
     * @return the held messages to give up for it (possibly none), or empty if the new message is refused instead
     */
    Optional<List<HeldMessages.Held>> makeRoom(PeerId sender, long size) {
        Deque<HeldMessages.Held> own = bySender.get(sender);
        long ownBytes = bytesBySender.getOrDefault(sender, 0L);
        if (size > limits.bytesPerSender() || ownBytes + size > limits.bytesPerSender()
                || (own != null && own.size() >= limits.messagesPerSender())) {
            return Optional.empty();
        }
        if (count + 1 <= limits.messages() && bytes + size <= limits.bytes()) {
            return Optional.of(List.of());
        }
        List<HeldMessages.Held> evicted = new ArrayList<>();
        int countAfter = count;
        long bytesAfter = bytes;
        Map<PeerId, Long> remaining = new HashMap<>(bytesBySender);
        remaining.remove(sender);
        Map<PeerId, Iterator<HeldMessages.Held>> oldestFirst = new HashMap<>();
        while (countAfter + 1 > limits.messages() || bytesAfter + size > limits.bytes()) {
            Map.Entry<PeerId, Long> biggest = remaining.entrySet().stream()
                    .max(Map.Entry.<PeerId, Long>comparingByValue()
                            .thenComparing(entry -> -arrival.get(bySender.get(entry.getKey()).peekFirst())))
                    .orElse(null);
            if (biggest == null || biggest.getValue() <= ownBytes + size) {
                return Optional.empty(); // the new message's sender would be the biggest holder: it pays
            }
            Iterator<HeldMessages.Held> next = oldestFirst.computeIfAbsent(biggest.getKey(),
                    s -> bySender.get(s).iterator());
            HeldMessages.Held oldest = next.next();
            evicted.add(oldest);
            if (next.hasNext()) {
                biggest.setValue(biggest.getValue() - oldest.bytes());
            } else {
                remaining.remove(biggest.getKey());
            }
            countAfter--;
            bytesAfter -= oldest.bytes();
        }
        evicted.forEach(this::remove);
        return Optional.of(evicted);
    }

    /** Adds a message that {@link #makeRoom} made room for. */
    void add(HeldMessages.Held message) {
        bySender.computeIfAbsent(message.sender(), s -> new ArrayDeque<>()).addLast(message);
        arrival.put(message, arrivals++);
        bytesBySender.merge(message.sender(), message.bytes(), Long::sum);
        count++;
        bytes += message.bytes();
    }

    /** Removes and returns the messages held for {@code sender}, oldest first. */
    List<HeldMessages.Held> takeAll(PeerId sender) {
        Deque<HeldMessages.Held> own = bySender.remove(sender);
        if (own == null) {
            return List.of();
        }
        Long ownBytes = bytesBySender.remove(sender);
        own.forEach(arrival::remove);
        count -= own.size();
        bytes -= ownBytes;
        return new ArrayList<>(own);
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    private void remove(HeldMessages.Held message) {
        Deque<HeldMessages.Held> own = bySender.get(message.sender());
        own.remove(message);
        arrival.remove(message);
        if (own.isEmpty()) {
            bySender.remove(message.sender());
            bytesBySender.remove(message.sender());
        } else {
            bytesBySender.merge(message.sender(), -message.bytes(), Long::sum);
        }
        count--;
        bytes -= message.bytes();
    }
}

package org.neuromesh.peer;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Capsules other peers shared with this one, in memory, until a memory store takes them ({@link #drain}). Bounded:
 * when full, the oldest capsule makes room and is counted as dropped. Thread-safe.
 */
public final class SharedInbox {

    private static final System.Logger LOG = System.getLogger(SharedInbox.class.getName());

    private final int capacity;
    private final Deque<SharedCapsule> capsules = new ArrayDeque<>();
    private long dropped;

    public SharedInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("shared inbox capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(SharedCapsule capsule) {
        if (capsules.size() == capacity) {
            SharedCapsule oldest = capsules.removeFirst();
            dropped++;
            LOG.log(Level.WARNING, "shared inbox full ({0}): dropped capsule {1} from {2}", capacity,
                    oldest.capsule().id(), oldest.sender().shortForm());
        }
        capsules.addLast(capsule);
    }

    /** The capsules held, oldest first. */
    public synchronized List<SharedCapsule> list() {
        return List.copyOf(capsules);
    }

    /** Takes every capsule held, oldest first, leaving the inbox empty. */
    public synchronized List<SharedCapsule> drain() {
        List<SharedCapsule> all = new ArrayList<>(capsules);
        capsules.clear();
        return all;
    }

    /** Capsules dropped because the inbox was full. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}

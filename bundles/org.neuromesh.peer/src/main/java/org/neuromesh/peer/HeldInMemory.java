package org.neuromesh.peer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.neuromesh.api.peer.PeerId;

/** {@link HeldMessages} in memory only: what it holds is lost with the process. For tests and embedded use. */
public final class HeldInMemory implements HeldMessages {

    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public Held keep(PeerId sender, byte[] encoded) {
        String key = Long.toString(sequence.incrementAndGet());
        kept.put(key, encoded);
        return new Held(key, sender, encoded.length);
    }

    @Override
    public byte[] read(String key) throws IOException {
        byte[] bytes = kept.get(key);
        if (bytes == null) {
            throw new IOException("no message is kept under " + key);
        }
        return bytes;
    }

    @Override
    public void release(String key) {
        kept.remove(key);
    }

    @Override
    public List<Held> keptBefore() {
        return List.of();
    }
}

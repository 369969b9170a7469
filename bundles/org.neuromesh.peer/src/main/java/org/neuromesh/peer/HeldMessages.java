package org.neuromesh.peer;

import java.io.IOException;
import java.util.List;

import org.neuromesh.api.peer.Outbound;

/**
 * Where an {@link Inbox} keeps the messages it holds for senders whose keys are not known yet. The broker has
 * acknowledged them already and will not deliver them again, so a store that outlives the process
 * ({@link HeldMessageFolder}) is what keeps a crash from losing them.
 */
public interface HeldMessages {

    /** A kept message and the key to release it with. */
    record Held(String key, Outbound message) {
    }

    /** Keeps {@code message} until it is {@linkplain #release released}; returns its key, null if kept nowhere. */
    String keep(Outbound message) throws IOException;

    /** The message of {@code key} was handled or refused: it need not be kept any longer. */
    void release(String key);

    /** What an earlier run kept and never released, oldest first. */
    List<Held> keptBefore();

    /** Keeps nothing beyond memory: held messages are lost with the process. */
    HeldMessages IN_MEMORY = new HeldMessages() {
        @Override
        public String keep(Outbound message) {
            return null;
        }

        @Override
        public void release(String key) {
        }

        @Override
        public List<Held> keptBefore() {
            return List.of();
        }
    };
}

package org.neuromesh.peer;

import java.io.IOException;
import java.util.List;

import org.neuromesh.api.peer.PeerId;

/**
 * Where an {@link Inbox} keeps the messages it holds for senders whose keys are not known yet, as the bytes that
 * came over the wire. The broker has acknowledged them already and will not deliver them again, so a store that
 * outlives the process ({@link HeldMessageFolder}) is what keeps a crash from losing them. The inbox decides what
 * is kept ({@link HoldingLimits}); a store keeps what it is given.
 */
public interface HeldMessages {

    /**
     * A kept message: the key to read or release it with, the sender it claims, and its size.
     *
     * @param key    the store's name for it
     * @param sender the sender the message claims (not verified: its keys are not known)
     * @param bytes  its size on the wire
     */
    record Held(String key, PeerId sender, long bytes) {
    }

    /** Keeps {@code encoded}, a message claiming {@code sender}, until it is {@linkplain #release released}. */
    Held keep(PeerId sender, byte[] encoded) throws IOException;

    /** The bytes kept under {@code key}. */
    byte[] read(String key) throws IOException;

    /** The message of {@code key} was handled or refused: it need not be kept any longer. */
    void release(String key);

    /**
     * What an earlier run kept and never released, oldest first; only what each is, not its bytes, so that reading
     * back costs little memory however much was kept.
     */
    List<Held> keptBefore();
}

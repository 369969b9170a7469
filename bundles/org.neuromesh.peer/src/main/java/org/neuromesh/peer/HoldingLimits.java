package org.neuromesh.peer;

/**
 * How much an {@link Inbox} holds for senders whose keys are not known yet. Anyone who can publish to the broker can
 * claim any sender id, so these bounds are what such a client can make a peer keep: in memory only a few dozen
 * bytes per message (the messages themselves wait in the {@link HeldMessages} store), on disk at most
 * {@link #bytes()}.
 *
 * @param messagesPerSender most messages held for one claimed sender
 * @param bytesPerSender    most bytes held for one claimed sender (a message larger than this is not held)
 * @param messages          most messages held in all
 * @param bytes             most bytes held in all
 */
public record HoldingLimits(int messagesPerSender, long bytesPerSender, int messages, long bytes) {

    /** 64 messages and 16 MiB per sender, 1,000 messages and 64 MiB in all. */
    public static final HoldingLimits DEFAULTS = new HoldingLimits(64, 16L << 20, 1000, 64L << 20);

    /** Checks the bounds are positive and that one sender's share fits in the whole. */
    public HoldingLimits {
        if (messagesPerSender < 1 || bytesPerSender < 1 || messages < 1 || bytes < 1) {
            throw new IllegalArgumentException("holding limits must be >= 1, got " + messagesPerSender
                    + " messages and " + bytesPerSender + " bytes per sender, " + messages + " messages and " + bytes
                    + " bytes in all");
        }
        if (messagesPerSender > messages || bytesPerSender > bytes) {
            throw new IllegalArgumentException("one sender's share (" + messagesPerSender + " messages, "
                    + bytesPerSender + " bytes) must fit in the whole (" + messages + " messages, " + bytes
                    + " bytes)");
        }
    }
}

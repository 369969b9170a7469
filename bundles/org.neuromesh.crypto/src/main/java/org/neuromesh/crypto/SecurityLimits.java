package org.neuromesh.crypto;

/**
 * Resource limits of {@link MessageSecurity}.
 *
 * @param maxCapsuleBytes largest encoded capsule accepted: sealing refuses bigger capsules, opening stops inflating
 *        at this size (decompression bombs)
 * @param maxRememberedMessages most entries the {@link ReplayGuard} keeps; see there for what happens at the cap
 * @param maxRememberedPerSender most entries it keeps for one sender, so that one peer's flood costs only its own
 *        messages
 */
public record SecurityLimits(int maxCapsuleBytes, int maxRememberedMessages, int maxRememberedPerSender) {

    /** Default inflated capsule limit: 64 MiB. */
    public static final int DEFAULT_MAX_CAPSULE_BYTES = 64 << 20;
    /** Default replay memory: 100,000 messages (some tens of MB at most). */
    public static final int DEFAULT_MAX_REMEMBERED_MESSAGES = 100_000;
    /** Default replay memory per sender: 10,000 messages. */
    public static final int DEFAULT_MAX_REMEMBERED_PER_SENDER = 10_000;

    public SecurityLimits {
        if (maxCapsuleBytes < 1024) {
            throw new IllegalArgumentException("capsule size limit must be at least 1024 bytes, got "
                    + maxCapsuleBytes);
        }
        if (maxRememberedMessages < 1) {
            throw new IllegalArgumentException("replay memory must hold at least 1 message, got "
                    + maxRememberedMessages);
        }
        if (maxRememberedPerSender < 1 || maxRememberedPerSender > maxRememberedMessages) {
            throw new IllegalArgumentException("replay memory per sender must be 1 to " + maxRememberedMessages
                    + " messages, got " + maxRememberedPerSender);
        }
    }

    /** These limits with another capsule size limit. */
    public SecurityLimits withMaxCapsuleBytes(int bytes) {
        return new SecurityLimits(bytes, maxRememberedMessages, maxRememberedPerSender);
    }

    public static SecurityLimits defaults() {
        return new SecurityLimits(DEFAULT_MAX_CAPSULE_BYTES, DEFAULT_MAX_REMEMBERED_MESSAGES,
                DEFAULT_MAX_REMEMBERED_PER_SENDER);
    }
}

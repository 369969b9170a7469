package org.neuromesh.api.security;

/**
 * Why an inbound message was refused, by the transport or by the peer: the one vocabulary of refusals. Receivers
 * count them by reason ({@link RejectionCounts}).
 */
public enum RejectionReason {
    /** The bytes are not a well-formed message (garbage, truncated, trailing bytes, bad field). */
    MALFORMED,
    /** The message is larger than the receiver accepts. */
    OVERSIZED,
    /** The sender's keys are not known, so its signature cannot be checked. */
    UNKNOWN_SENDER,
    /** The signature does not match the content and the sender's key, or keys do not match the sender id. */
    FORGED_SIGNATURE,
    /** A message with this sender and nonce (or capsule id) was already accepted. */
    REPLAYED,
    /** The message was signed outside the receiver's time window. */
    STALE,
    /** The message is addressed to another peer (or came on this peer's inbox without being addressed to it). */
    NOT_FOR_ME,
    /** The capsule cannot be decrypted with this peer's key, or its content is corrupt. */
    UNREADABLE,
    /** The content is marked private and must never have left its device. */
    PRIVATE_CONTENT,
    /** It came on a topic (or address) outside the transport's layout, or on another peer's. */
    UNEXPECTED_TOPIC,
    /** It came on the presence, heartbeat or ping topic of another peer than its sender. */
    SENDER_MISMATCH,
    /** A kind or type of message that does not belong where it came (e.g. a capsule on broadcast). */
    WRONG_KIND,
    /** A contribution claims more training than the session plan allows a member (local steps x batch). */
    BEYOND_PLAN,
    /**
     * An answer to something this peer never sent the sender, or not on those terms: a receipt, acceptance or return
     * for a packet it did not lend that peer, a packet for a request it did not accept.
     */
    UNSOLICITED
}

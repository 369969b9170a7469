package org.neuromesh.api.security;

/** Why an inbound message was refused. Receivers count rejections by reason. */
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
    /** The message is addressed to another peer. */
    NOT_FOR_ME,
    /** The capsule cannot be decrypted with this peer's key, or its content is corrupt. */
    UNREADABLE,
    /** The content is marked private and must never have left its device. */
    PRIVATE_CONTENT
}

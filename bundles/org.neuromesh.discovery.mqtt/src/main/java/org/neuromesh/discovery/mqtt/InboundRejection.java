package org.neuromesh.discovery.mqtt;

import org.neuromesh.api.security.RejectionReason;

/** Why the transport dropped an inbound MQTT message before handing it to anyone. */
public enum InboundRejection {
    /** Not a well-formed NeuroMesh message (garbage, truncated, trailing bytes, bad field, bad body). */
    MALFORMED,
    /** Larger than {@code maxMessageBytes}. */
    OVERSIZED,
    /** A topic outside the layout (unknown level, bad peer id, another peer's ping topic). */
    UNEXPECTED_TOPIC,
    /** The message's sender is not the peer whose presence, heartbeat or ping topic it came on. */
    SENDER_MISMATCH,
    /** A kind or type of message that does not belong on its topic (e.g. a capsule on broadcast). */
    WRONG_KIND,
    /** On this peer's inbox, but neither addressed to it nor listing it as a capsule recipient. */
    NOT_ADDRESSED_HERE,
    /** A heartbeat from a peer whose presence (and so keys) is not known. */
    UNKNOWN_SENDER,
    /** An announcement whose keys do not match the sender id or whose signature does not verify. */
    FORGED_SIGNATURE;

    /** The transport's counterpart of a security rejection reason. */
    public static InboundRejection of(RejectionReason reason) {
        return switch (reason) {
            case OVERSIZED -> OVERSIZED;
            case UNKNOWN_SENDER -> UNKNOWN_SENDER;
            case FORGED_SIGNATURE -> FORGED_SIGNATURE;
            case NOT_FOR_ME -> NOT_ADDRESSED_HERE;
            default -> MALFORMED;
        };
    }
}

package org.neuromesh.api.peer;

/**
 * The only things that may leave a peer. The type is sealed so that a transport cannot be handed anything else.
 */
public sealed interface Outbound permits SealedCapsule, SignedControlMessage, SignedAuditRecord {

    /** The peer that signed the message. */
    PeerId sender();

    /** The signature over the message's content, made with the sender's key. */
    byte[] signature();
}

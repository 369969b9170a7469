package org.neuromesh.api.security;

import java.util.Collection;
import java.util.Optional;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;

/**
 * This peer's identity and everything it signs, seals, opens and verifies. One per peer; thread-safe.
 *
 * <p>Keys of other peers are learnt from their signed announcements through {@link #trust}. Verification is the
 * receiver's job (transports verify nothing), so the peer runtime calls {@link #verify} on every inbound message
 * before acting on it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PeerSecurity {

    /** This peer's id: the fingerprint of its signing key. */
    PeerId self();

    /** This peer's public keys, for its announcements. */
    PublicKeys publicKeys();

    /**
     * Records the keys of another peer.
     *
     * @throws RejectedMessageException {@link RejectionReason#FORGED_SIGNATURE} if the keys' fingerprint is not
     *         {@code peer}
     */
    void trust(PeerId peer, PublicKeys keys) throws RejectedMessageException;

    /** The keys recorded for a peer, if any. */
    Optional<PublicKeys> keysOf(PeerId peer);

    /**
     * Compresses, encrypts to every recipient and signs a capsule.
     *
     * @throws SealingException if the capsule is {@link org.neuromesh.api.capsule.PrivacyLevel#PRIVATE}, a
     *         recipient's keys are unknown, or there are no recipients
     */
    SealedCapsule seal(Capsule capsule, Collection<PeerId> recipients) throws SealingException;

    /**
     * Verifies a sealed capsule (as {@link #verify}) and decrypts it.
     *
     * @throws RejectedMessageException for any reason in {@link RejectionReason}
     */
    Capsule open(SealedCapsule sealed) throws RejectedMessageException;

    /** Signs a control message from this peer, with a fresh nonce and the current time. */
    SignedControlMessage sign(String type, PeerId recipientOrNull, byte[] body);

    /**
     * Signs an audit record whose actor is this peer.
     *
     * @throws IllegalArgumentException if the record's actor is another peer
     */
    SignedAuditRecord sign(AuditRecord record);

    /**
     * Checks that a message was signed by its sender, is addressed to this peer (or everyone), lies inside the time
     * window and was not accepted before. A message that passes is remembered, so a second call with it fails.
     *
     * @throws RejectedMessageException with the reason
     */
    void verify(Outbound message) throws RejectedMessageException;

    /**
     * Checks the signature only: for retained announcements, which are re-delivered and may be old.
     *
     * @throws RejectedMessageException {@link RejectionReason#UNKNOWN_SENDER} or
     *         {@link RejectionReason#FORGED_SIGNATURE}
     */
    void verifySignature(Outbound message) throws RejectedMessageException;
}

package org.neuromesh.discovery.mqtt.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.WireFormat;

/**
 * Stand-in for the crypto bundle's PeerSecurity until it is on main: real Ed25519 signatures over
 * {@link WireFormat#signedContent}, ids = SHA-256 of the X.509 signing key. Signing, trusting and signature checks
 * only (what discovery uses); no sealing, no replay window. To be replaced by the real implementation.
 */
public final class InterimSecurity implements PeerSecurity {

    private final KeyPair signing;
    private final PublicKeys keys;
    private final PeerId self;
    private final Map<PeerId, PublicKeys> trusted = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public InterimSecurity() {
        try {
            signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyPair agreement = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            keys = new PublicKeys(signing.getPublic().getEncoded(), agreement.getPublic().getEncoded());
            self = fingerprint(keys);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PeerId fingerprint(PublicKeys keys) throws GeneralSecurityException {
        return new PeerId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keys.signingKey())));
    }

    @Override
    public PeerId self() {
        return self;
    }

    @Override
    public PublicKeys publicKeys() {
        return keys;
    }

    @Override
    public void trust(PeerId peer, PublicKeys peerKeys) throws RejectedMessageException {
        try {
            if (!fingerprint(peerKeys).equals(peer)) {
                throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, "keys are not " + peer);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        trusted.put(peer, peerKeys);
    }

    @Override
    public Optional<PublicKeys> keysOf(PeerId peer) {
        return Optional.ofNullable(trusted.get(peer));
    }

    @Override
    public SealedCapsule seal(Capsule capsule, Collection<PeerId> recipients) {
        throw new UnsupportedOperationException("interim security does not seal");
    }

    @Override
    public Capsule open(SealedCapsule sealed) {
        throw new UnsupportedOperationException("interim security does not open");
    }

    @Override
    public SignedControlMessage sign(String type, PeerId recipientOrNull, byte[] body) {
        long nonce = random.nextLong();
        Instant now = Instant.now();
        byte[] signature = signBytes(WireFormat.controlContent(type, self, recipientOrNull, body, nonce, now));
        return new SignedControlMessage(type, self, recipientOrNull, body, nonce, now, signature);
    }

    @Override
    public SignedAuditRecord sign(AuditRecord record) {
        return new SignedAuditRecord(record, signBytes(WireFormat.auditContent(record)));
    }

    @Override
    public void verify(Outbound message) throws RejectedMessageException {
        verifySignature(message);
    }

    @Override
    public void verifySignature(Outbound message) throws RejectedMessageException {
        PublicKeys senderKeys = trusted.get(message.sender());
        if (senderKeys == null && message.sender().equals(self)) {
            senderKeys = keys;
        }
        if (senderKeys == null) {
            throw new RejectedMessageException(RejectionReason.UNKNOWN_SENDER, message.sender().shortForm());
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(senderKeys.signingKey()));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(WireFormat.signedContent(message));
            if (!verifier.verify(message.signature())) {
                throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, "bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, e.getMessage());
        }
    }

    private byte[] signBytes(byte[] content) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signing.getPrivate());
            signer.update(content);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

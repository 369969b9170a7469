package org.neuromesh.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * A peer's public keys, decoded and checked: an Ed25519 key to verify its signatures, an X25519 key to seal
 * capsules to it, and the id they prove.
 *
 * <p>Only canonical X.509 encodings are accepted (the bytes must be exactly what the JDK encodes for the key), so
 * one key has one fingerprint.
 */
public final class PeerKeys {

    private final PeerId id;
    private final PublicKeys publicKeys;
    private final PublicKey signingKey;
    private final PublicKey agreementKey;

    private PeerKeys(PeerId id, PublicKeys publicKeys, PublicKey signingKey, PublicKey agreementKey) {
        this.id = id;
        this.publicKeys = publicKeys;
        this.signingKey = signingKey;
        this.agreementKey = agreementKey;
    }

    /**
     * Decodes announced keys.
     *
     * @throws RejectedMessageException {@link RejectionReason#MALFORMED} if a key is not a canonical X.509
     *         Ed25519 (signing) or X25519 (agreement) public key
     */
    public static PeerKeys of(PublicKeys keys) throws RejectedMessageException {
        byte[] signing = keys.signingKey();
        PublicKey signingKey = decode(PeerIdentity.SIGNING_ALGORITHM, signing, "signing key");
        PublicKey agreementKey = decode(PeerIdentity.AGREEMENT_ALGORITHM, keys.agreementKey(), "agreement key");
        return new PeerKeys(fingerprint(signing), keys, signingKey, agreementKey);
    }

    /**
     * Checks keys taken from a signed announcement before they are trusted: they decode, their fingerprint is the
     * announcement's sender, and the announcement's signature verifies with them. The caller must take both keys
     * from the signed part of the announcement (its body), so that the signature binds the agreement key too.
     *
     * @throws RejectedMessageException {@link RejectionReason#MALFORMED} for undecodable keys,
     *         {@link RejectionReason#FORGED_SIGNATURE} if the keys are not the sender's or the signature fails
     */
    public static PeerKeys fromSignedAnnouncement(Outbound announcement, PublicKeys announcedKeys)
            throws RejectedMessageException {
        PeerKeys keys = of(announcedKeys);
        keys.requireId(announcement.sender());
        keys.requireSignature(announcement);
        return keys;
    }

    /** The peer id of a signing key: lower-case hex SHA-256 of its X.509 encoding (64 digits). */
    public static PeerId fingerprint(byte[] x509SigningKey) {
        try {
            return new PeerId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509SigningKey)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Keys this peer made itself; no decoding, no checks. */
    static PeerKeys ofTrusted(PublicKey signingKey, PublicKey agreementKey) {
        byte[] signing = signingKey.getEncoded();
        return new PeerKeys(fingerprint(signing), new PublicKeys(signing, agreementKey.getEncoded()), signingKey,
                agreementKey);
    }

    /** The id these keys prove. */
    public PeerId id() {
        return id;
    }

    /** The keys in their announced form. */
    public PublicKeys publicKeys() {
        return publicKeys;
    }

    PublicKey agreementKey() {
        return agreementKey;
    }

    /**
     * Whether these keys belong to {@code claimed}.
     *
     * @throws RejectedMessageException {@link RejectionReason#FORGED_SIGNATURE} if their fingerprint is another id
     */
    void requireId(PeerId claimed) throws RejectedMessageException {
        if (!id.equals(claimed)) {
            throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, "keys with fingerprint "
                    + id.shortForm() + "... do not belong to peer " + claimed.shortForm() + "...");
        }
    }

    /**
     * Checks a message's Ed25519 signature over {@link WireFormat#signedContent}.
     *
     * @throws RejectedMessageException {@link RejectionReason#FORGED_SIGNATURE} if it does not verify
     */
    void requireSignature(Outbound message) throws RejectedMessageException {
        if (!verifies(WireFormat.signedContent(message), message.signature())) {
            throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, describe(message)
                    + " does not carry a valid signature of " + message.sender().shortForm() + "...");
        }
    }

    boolean verifies(byte[] content, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(PeerIdentity.SIGNING_ALGORITHM);
            signature.initVerify(signingKey);
            signature.update(content);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a signature of the wrong length or shape is simply not valid
        }
    }

    static String describe(Outbound message) {
        if (message instanceof SealedCapsule capsule) {
            return "sealed capsule " + capsule.capsuleId();
        } else if (message instanceof SignedControlMessage control) {
            return "control message " + control.type();
        } else if (message instanceof SignedAuditRecord audit) {
            return "audit record " + audit.record().id();
        }
        return "message";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerKeys keys && publicKeys.equals(keys.publicKeys);
    }

    @Override
    public int hashCode() {
        return publicKeys.hashCode();
    }

    @Override
    public String toString() {
        return "PeerKeys[" + id.shortForm() + "]";
    }

    private static PublicKey decode(String algorithm, byte[] encoded, String what) throws RejectedMessageException {
        PublicKey key;
        try {
            key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RejectedMessageException(RejectionReason.MALFORMED, what + " is not an X.509 " + algorithm
                    + " public key (" + e.getMessage() + ")");
        }
        if (!Arrays.equals(key.getEncoded(), encoded)) {
            throw new RejectedMessageException(RejectionReason.MALFORMED, what + " is not the canonical X.509 "
                    + "encoding of an " + algorithm + " public key");
        }
        return key;
    }
}

package org.neuromesh.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.SealingException;

/**
 * Seals capsules from one peer: encode every field, Deflate, encrypt under a fresh content key, wrap that key for
 * each recipient with a fresh ephemeral X25519 key pair ({@link CapsuleCipher}), lay it out as a
 * {@link SealedEnvelope} and sign {@link WireFormat#capsuleContent} with the sender's Ed25519 key.
 */
final class CapsuleSealer {

    private final PeerIdentity self;
    private final SecureRandom random;
    private final int maxCapsuleBytes;

    CapsuleSealer(PeerIdentity self, SecureRandom random, int maxCapsuleBytes) {
        this.self = self;
        this.random = random;
        this.maxCapsuleBytes = maxCapsuleBytes;
    }

    /**
     * @throws SealingException if the capsule is private, does not fit the wire format, or is larger than the
     *         limit receivers apply
     */
    SealedCapsule seal(Capsule capsule, List<PeerKeys> recipients, Instant sealedAt) throws SealingException {
        if (!capsule.privacy().mayLeaveDevice()) {
            throw new SealingException("capsule " + capsule.id() + " is " + capsule.privacy()
                    + ": private content never leaves this device, not even sealed");
        }
        byte[] encoded;
        try {
            encoded = CapsuleCodec.encode(capsule);
        } catch (IllegalArgumentException e) {
            throw new SealingException("capsule " + capsule.id() + " cannot be sealed: " + e.getMessage(), e);
        }
        if (encoded.length > maxCapsuleBytes) {
            throw new SealingException("capsule " + capsule.id() + " takes " + encoded.length
                    + " bytes, more than the limit of " + maxCapsuleBytes + " bytes that peers open");
        }
        return sealCompressed(capsule.id(), Compression.deflate(encoded), recipients, sealedAt);
    }

    /**
     * Seals compressed content as it is, without looking at it: for {@link #seal}, and for tests that build the
     * capsules a hostile peer could send.
     */
    SealedCapsule sealCompressed(String capsuleId, byte[] compressed, List<PeerKeys> recipients, Instant sealedAt)
            throws SealingException {
        List<PeerId> recipientIds = recipients.stream().map(PeerKeys::id).toList();
        byte[] contentKey = new byte[SealedEnvelope.CONTENT_KEY_BYTES];
        byte[] nonce = new byte[SealedEnvelope.NONCE_BYTES];
        random.nextBytes(contentKey);
        random.nextBytes(nonce);
        try {
            KeyPair ephemeral = ephemeralKeyPair();
            byte[] ephemeralKey = ephemeral.getPublic().getEncoded();
            List<byte[]> wrappedKeys = new ArrayList<>(recipients.size());
            for (PeerKeys recipient : recipients) {
                byte[] shared = CapsuleCipher.agree(ephemeral.getPrivate(), recipient.agreementKey());
                try {
                    wrappedKeys.add(CapsuleCipher.wrap(contentKey, shared, new CapsuleCipher.WrapContext(capsuleId,
                            self.id(), recipient.id(), recipient.publicKeys().agreementKey(), ephemeralKey)));
                } finally {
                    Arrays.fill(shared, (byte) 0);
                }
            }
            byte[] aad = CapsuleCipher.contentAad(capsuleId, self.id(), recipientIds, ephemeralKey);
            byte[] encrypted = CapsuleCipher.encryptContent(contentKey, nonce, aad, compressed);
            byte[] ciphertext = new SealedEnvelope(ephemeralKey, wrappedKeys, nonce, encrypted).toBytes();
            byte[] signature = self.sign(WireFormat.capsuleContent(capsuleId, self.id(), recipientIds, ciphertext,
                    sealedAt));
            return new SealedCapsule(capsuleId, self.id(), recipientIds, ciphertext, signature, sealedAt);
        } catch (GeneralSecurityException e) {
            throw new SealingException("capsule " + capsuleId + " could not be encrypted: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SealingException("capsule " + capsuleId + " cannot be sealed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private KeyPair ephemeralKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(PeerIdentity.AGREEMENT_ALGORITHM);
        generator.initialize(255, random);
        return generator.generateKeyPair();
    }
}

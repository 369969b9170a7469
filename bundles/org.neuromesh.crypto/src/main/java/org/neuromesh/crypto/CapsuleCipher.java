package org.neuromesh.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.neuromesh.api.peer.PeerId;

/**
 * The cryptography of sealing, shared by {@link CapsuleSealer} and {@link CapsuleOpener}.
 *
 * <ul>
 * <li>Content: AES-256-GCM under a random content key and a random 12-byte nonce; the associated data binds the
 * capsule id, the sender, the recipient list and the ephemeral public key ({@link #contentAad}).
 * <li>Key wrap, per recipient: the X25519 secret of the capsule's ephemeral key and the recipient's agreement key
 * goes through HKDF-SHA256 (salt: the ephemeral public key; info: capsule id, sender, recipient and the
 * recipient's agreement key) to 44 bytes: an AES-256 key and a 12-byte nonce, used once to AES-GCM-encrypt the
 * content key.
 * </ul>
 */
final class CapsuleCipher {

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final byte[] CONTENT_LABEL = "neuromesh capsule content v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRAP_LABEL = "neuromesh capsule key wrap v1".getBytes(StandardCharsets.US_ASCII);
    private static final int WRAP_MATERIAL_BYTES = 32 + SealedEnvelope.NONCE_BYTES;

    private CapsuleCipher() {
    }

    static byte[] contentAad(String capsuleId, PeerId sender, List<PeerId> recipients, byte[] ephemeralKey) {
        WireWriter writer = new WireWriter().bytes(CONTENT_LABEL).text(capsuleId).peer(sender).u16(recipients.size());
        recipients.forEach(writer::peer);
        return writer.bytes(ephemeralKey).toBytes();
    }

    static byte[] encryptContent(byte[] contentKey, byte[] nonce, byte[] aad, byte[] plain)
            throws GeneralSecurityException {
        return aesGcm(Cipher.ENCRYPT_MODE, contentKey, nonce, aad, plain);
    }

    static byte[] decryptContent(byte[] contentKey, byte[] nonce, byte[] aad, byte[] encrypted)
            throws GeneralSecurityException {
        return aesGcm(Cipher.DECRYPT_MODE, contentKey, nonce, aad, encrypted);
    }

    /** The content key encrypted for one recipient, from the X25519 secret the two sides share. */
    static byte[] wrap(byte[] contentKey, byte[] sharedSecret, WrapContext context) throws GeneralSecurityException {
        return wrapCipher(Cipher.ENCRYPT_MODE, contentKey, sharedSecret, context);
    }

    /** The content key, or an exception if the wrapped key was not made for this recipient and context. */
    static byte[] unwrap(byte[] wrappedKey, byte[] sharedSecret, WrapContext context) throws GeneralSecurityException {
        return wrapCipher(Cipher.DECRYPT_MODE, wrappedKey, sharedSecret, context);
    }

    /** X25519: the secret shared by a private key and the other side's public key (never all zero). */
    static byte[] agree(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(PeerIdentity.AGREEMENT_ALGORITHM);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret(); // the JDK refuses small-order points that would give zeros
    }

    /** An X25519 public key from its canonical X.509 encoding. */
    static PublicKey agreementKey(byte[] encoded) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance(PeerIdentity.AGREEMENT_ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(encoded));
        if (!Arrays.equals(key.getEncoded(), encoded)) {
            throw new GeneralSecurityException("not the canonical encoding of an X25519 public key");
        }
        return key;
    }

    /** What a wrapped key is bound to: the capsule, its sender, one recipient and the keys of the exchange. */
    record WrapContext(String capsuleId, PeerId sender, PeerId recipient, byte[] recipientAgreementKey,
            byte[] ephemeralKey) {

        byte[] info() {
            return new WireWriter().bytes(WRAP_LABEL).text(capsuleId).peer(sender).peer(recipient)
                    .bytes(recipientAgreementKey).toBytes();
        }
    }

    private static byte[] wrapCipher(int mode, byte[] input, byte[] sharedSecret, WrapContext context)
            throws GeneralSecurityException {
        byte[] material = Hkdf.sha256(context.ephemeralKey(), sharedSecret, context.info(), WRAP_MATERIAL_BYTES);
        byte[] key = Arrays.copyOf(material, 32);
        try {
            return aesGcm(mode, key, Arrays.copyOfRange(material, 32, WRAP_MATERIAL_BYTES), new byte[0], input);
        } finally {
            Arrays.fill(material, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] aesGcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(AES_GCM);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(SealedEnvelope.TAG_BYTES * 8, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }
}

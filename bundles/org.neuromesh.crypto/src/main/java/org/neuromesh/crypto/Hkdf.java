package org.neuromesh.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract a pseudo-random key from input keying material, expand it. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /**
     * {@code length} bytes of output keying material.
     *
     * @param salt non-secret salt; empty means {@value #HASH_BYTES} zero bytes, as the RFC says
     * @param inputKeyMaterial the secret, e.g. a Diffie-Hellman shared secret
     * @param info context binding the output to its purpose
     * @param length at most 255 x 32 bytes
     */
    static byte[] sha256(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_BYTES + " bytes, asked for "
                    + length);
        }
        byte[] pseudoRandomKey = extract(salt, inputKeyMaterial);
        try {
            return expand(pseudoRandomKey, info, length);
        } finally {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }

    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        Mac mac = mac(salt.length == 0 ? new byte[HASH_BYTES] : salt);
        return mac.doFinal(inputKeyMaterial);
    }

    static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        Mac mac = mac(pseudoRandomKey);
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, output, written, take);
            written += take;
        }
        Arrays.fill(block, (byte) 0);
        return output;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}

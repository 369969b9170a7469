package org.neuromesh.api.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A peer's public keys, as announced to others.
 *
 * @param signingKey the Ed25519 public key, X.509 (SubjectPublicKeyInfo) encoded
 * @param agreementKey the X25519 public key used to seal capsules to this peer, X.509 encoded
 */
public record PublicKeys(byte[] signingKey, byte[] agreementKey) {
    /** Longest accepted encoding of one key; X.509 Ed25519 and X25519 keys take 44 bytes. */
    public static final int MAX_KEY_BYTES = 128;

    public PublicKeys {
        signingKey = checked(signingKey, "signing key");
        agreementKey = checked(agreementKey, "agreement key");
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] agreementKey() {
        return agreementKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKeys keys && Arrays.equals(signingKey, keys.signingKey)
                && Arrays.equals(agreementKey, keys.agreementKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(signingKey), Arrays.hashCode(agreementKey));
    }

    @Override
    public String toString() {
        return "PublicKeys[" + signingKey.length + "+" + agreementKey.length + " bytes]";
    }

    private static byte[] checked(byte[] key, String what) {
        if (key == null || key.length == 0 || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_KEY_BYTES + " bytes, got "
                    + (key == null ? "none" : key.length));
        }
        return key.clone();
    }
}

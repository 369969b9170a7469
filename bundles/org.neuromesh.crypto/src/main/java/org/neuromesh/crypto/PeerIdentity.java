package org.neuromesh.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Objects;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.PublicKeys;

/**
 * A peer's own key pairs: Ed25519 to sign, X25519 to open capsules sealed to it. Its {@link #id()} is the
 * fingerprint of the signing key ({@link PeerKeys#fingerprint}).
 *
 * <p>The private keys never leave this package: other bundles sign and open through {@link MessageSecurity}.
 * {@link IdentityStore} keeps an identity on disk.
 */
public final class PeerIdentity {

    static final String SIGNING_ALGORITHM = "Ed25519";
    static final String AGREEMENT_ALGORITHM = "X25519";

    private final KeyPair signing;
    private final KeyPair agreement;
    private final PeerKeys publicKeys;

    PeerIdentity(KeyPair signing, KeyPair agreement) {
        this.signing = Objects.requireNonNull(signing, "signing key pair");
        this.agreement = Objects.requireNonNull(agreement, "agreement key pair");
        this.publicKeys = PeerKeys.ofTrusted(signing.getPublic(), agreement.getPublic());
    }

    /** A new identity with fresh keys, kept in memory only (tests, throw-away peers). */
    public static PeerIdentity generate(SecureRandom random) {
        return new PeerIdentity(generate(SIGNING_ALGORITHM, random), generate(AGREEMENT_ALGORITHM, random));
    }

    /** This peer's id: lower-case hex SHA-256 of the X.509 encoding of its Ed25519 public key. */
    public PeerId id() {
        return publicKeys.id();
    }

    /** The public halves, as announced to other peers. */
    public PublicKeys publicKeys() {
        return publicKeys.publicKeys();
    }

    PeerKeys peerKeys() {
        return publicKeys;
    }

    PrivateKey agreementKey() {
        return agreement.getPrivate();
    }

    KeyPair signingPair() {
        return signing;
    }

    KeyPair agreementPair() {
        return agreement;
    }

    /** An Ed25519 signature of {@code content}. */
    byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(SIGNING_ALGORITHM);
            signature.initSign(signing.getPrivate());
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Only the id: key material is never printed. */
    @Override
    public String toString() {
        return "PeerIdentity[" + id().shortForm() + "]";
    }

    private static KeyPair generate(String algorithm, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate " + algorithm + " keys", e);
        }
    }
}

package org.neuromesh.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * Opens capsules sealed to one peer, after their signature, addressing and time were checked: unwrap this peer's
 * content key, decrypt, inflate up to a hard limit, decode, and check what came out.
 */
final class CapsuleOpener {

    private final PeerIdentity self;
    private final int maxCapsuleBytes;

    CapsuleOpener(PeerIdentity self, int maxCapsuleBytes) {
        this.self = self;
        this.maxCapsuleBytes = maxCapsuleBytes;
    }

    /**
     * @throws RejectedMessageException {@link RejectionReason#MALFORMED} if the ciphertext field is not a sealed
     *         envelope, {@link RejectionReason#UNREADABLE} if it does not decrypt or holds corrupt content (or more
     *         than the limit once inflated, or another capsule than it says), {@link RejectionReason#PRIVATE_CONTENT}
     *         if it holds a private capsule
     */
    Capsule open(SealedCapsule sealed) throws RejectedMessageException {
        String what = "sealed capsule " + sealed.capsuleId() + " from " + sealed.sender().shortForm() + "...";
        int index = sealed.recipients().indexOf(self.id());
        if (index < 0) {
            throw new RejectedMessageException(RejectionReason.NOT_FOR_ME, what + " is not sealed to this peer");
        }
        SealedEnvelope envelope = SealedEnvelope.parse(sealed.ciphertext(), sealed.recipients().size());
        PublicKey ephemeralKey;
        try {
            ephemeralKey = CapsuleCipher.agreementKey(envelope.ephemeralKey());
        } catch (GeneralSecurityException e) {
            throw new RejectedMessageException(RejectionReason.MALFORMED, what + " has an invalid ephemeral key ("
                    + e.getMessage() + ")");
        }
        byte[] compressed = decrypt(sealed, envelope, ephemeralKey, index, what);
        byte[] encoded = Compression.inflate(compressed, maxCapsuleBytes, what);
        Capsule capsule;
        try {
            capsule = CapsuleCodec.decode(encoded);
        } catch (RejectedMessageException e) {
            throw new RejectedMessageException(RejectionReason.UNREADABLE, what + " holds a corrupt capsule: "
                    + detail(e));
        }
        if (!capsule.id().equals(sealed.capsuleId())) {
            throw new RejectedMessageException(RejectionReason.UNREADABLE, what
                    + " holds a capsule with another id inside");
        }
        if (capsule.privacy() == PrivacyLevel.PRIVATE) {
            throw new RejectedMessageException(RejectionReason.PRIVATE_CONTENT, what
                    + " holds PRIVATE content, which must never leave its device");
        }
        return capsule;
    }

    /** The exception's message without the reason in front. */
    private static String detail(RejectedMessageException e) {
        String prefix = e.reason() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private byte[] decrypt(SealedCapsule sealed, SealedEnvelope envelope, PublicKey ephemeralKey, int index,
            String what) throws RejectedMessageException {
        byte[] shared = null;
        byte[] contentKey = null;
        try {
            shared = CapsuleCipher.agree(self.agreementKey(), ephemeralKey);
            contentKey = CapsuleCipher.unwrap(envelope.wrappedKey(index), shared, new CapsuleCipher.WrapContext(
                    sealed.capsuleId(), sealed.sender(), self.id(), self.publicKeys().agreementKey(),
                    envelope.ephemeralKey()));
        } catch (GeneralSecurityException e) {
            throw new RejectedMessageException(RejectionReason.UNREADABLE, what
                    + ": the content key wrapped for this peer does not decrypt with this peer's key");
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
        try {
            byte[] aad = CapsuleCipher.contentAad(sealed.capsuleId(), sealed.sender(), sealed.recipients(),
                    envelope.ephemeralKey());
            return CapsuleCipher.decryptContent(contentKey, envelope.nonce(), aad, envelope.encryptedContent());
        } catch (GeneralSecurityException e) {
            throw new RejectedMessageException(RejectionReason.UNREADABLE, what + ": its content does not decrypt ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }
}

package org.neuromesh.api.peer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A capsule after sealing: masked, compressed, encrypted to its recipients and signed. Its content is opaque to
 * everyone but the recipients.
 *
 * @param capsuleId id of the capsule inside
 * @param sender who sealed it
 * @param recipients who can open it (at least one)
 * @param ciphertext the encrypted content
 * @param signature the sender's signature over all other fields
 * @param sealedAt when it was sealed
 */
public record SealedCapsule(String capsuleId, PeerId sender, List<PeerId> recipients, byte[] ciphertext,
        byte[] signature, Instant sealedAt) implements Outbound {

    public SealedCapsule {
        if (capsuleId == null || capsuleId.isBlank()) {
            throw new IllegalArgumentException("sealed capsule needs a capsule id");
        }
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sealedAt, "sealedAt");
        recipients = List.copyOf(recipients == null ? List.of() : recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("sealed capsule " + capsuleId + " has no recipient");
        }
        ciphertext = Messages.requireBytes(ciphertext, "ciphertext");
        signature = Messages.requireBytes(signature, "signature");
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}

package org.neuromesh.peer;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.SealingException;

/** Seals and sends; the only way the runtime puts anything on a transport. */
public final class CapsuleSender {

    private final PeerSecurity security;
    private final PeerMessaging messaging;
    private final Clock clock;

    public CapsuleSender(PeerSecurity security, PeerMessaging messaging, Clock clock) {
        this.security = security;
        this.messaging = messaging;
        this.clock = clock;
    }

    public PeerId self() {
        return security.self();
    }

    /**
     * Seals {@code payload} as a shareable capsule of {@code kind} to {@code recipients} and sends it.
     *
     * @return the sealed size in bytes
     * @throws IOException if it cannot be sealed (unknown recipient keys) or the transport refuses it
     */
    public long send(String kind, Set<String> tags, byte[] payload, Collection<PeerId> recipients)
            throws IOException {
        Capsule capsule = new Capsule(kind + "-" + UUID.randomUUID(), kind, PrivacyLevel.SHAREABLE, tags,
                new float[0], payload, clock.instant());
        SealedCapsule sealed;
        try {
            sealed = security.seal(capsule, recipients);
        } catch (SealingException e) {
            throw new IOException("cannot seal " + kind + " for " + recipients.size() + " recipients: "
                    + e.getMessage(), e);
        }
        messaging.send(sealed);
        return sealed.ciphertext().length;
    }

    /**
     * Seals a capsule as it is (its own id, kind and privacy level) to {@code recipients} and sends it.
     *
     * @return the sealed size in bytes
     * @throws SealingException if it cannot be sealed: private content, unknown recipient keys
     * @throws IOException if the transport refuses it
     */
    public long send(Capsule capsule, Collection<PeerId> recipients) throws SealingException, IOException {
        SealedCapsule sealed = security.seal(capsule, recipients);
        messaging.send(sealed);
        return sealed.ciphertext().length;
    }

    /** Signs and sends a control message; {@code recipient} null for a broadcast. */
    public void control(String type, PeerId recipient, byte[] body) throws IOException {
        SignedControlMessage message = security.sign(type, recipient, body);
        messaging.send(message);
    }
}

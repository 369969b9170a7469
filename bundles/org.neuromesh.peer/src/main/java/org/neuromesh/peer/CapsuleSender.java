package org.neuromesh.peer;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.SealingException;

/**
 * Seals and sends; the only way the runtime puts anything on a transport. Every capsule handed to the transport
 * is logged at INFO on {@value #CAPSULE_LOG} (id, kind, size, recipients), as the {@link Inbox} logs every capsule
 * it opens: the two logs account for each capsule end to end.
 */
public final class CapsuleSender {

    /** The logger of capsules sent and opened. */
    public static final String CAPSULE_LOG = "org.neuromesh.peer.capsules";

    private static final System.Logger CAPSULES = System.getLogger(CAPSULE_LOG);

    private final PeerSecurity security;
    private final PeerMessaging messaging;
    private final Clock clock;
    private final TrafficCounter sent = new TrafficCounter();
    private final MessageFlowRecorder flows;

    public CapsuleSender(PeerSecurity security, PeerMessaging messaging, Clock clock) {
        this.security = security;
        this.messaging = messaging;
        this.clock = clock;
        this.flows = new MessageFlowRecorder(clock);
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
        return handOver(sealed, kind);
    }

    /**
     * Seals a capsule as it is (its own id, kind and privacy level) to {@code recipients} and sends it.
     *
     * @return the sealed size in bytes
     * @throws SealingException if it cannot be sealed: private content, unknown recipient keys
     * @throws IOException if the transport refuses it
     */
    public long send(Capsule capsule, Collection<PeerId> recipients) throws SealingException, IOException {
        return handOver(security.seal(capsule, recipients), capsule.kind());
    }

    private long handOver(SealedCapsule sealed, String kind) throws IOException {
        messaging.send(sealed);
        sent.count(sealed.ciphertext().length);
        for (PeerId recipient : sealed.recipients()) {
            flows.record(true, recipient, kind, sealed.ciphertext().length);
        }
        // the size as text: MessageFormat would group its digits, and scripts read these lines
        CAPSULES.log(System.Logger.Level.INFO, "sent capsule {0} ({1}, {2} bytes) to {3}", sealed.capsuleId(), kind,
                Integer.toString(sealed.ciphertext().length), shortForms(sealed.recipients()));
        return sealed.ciphertext().length;
    }

    /** Capsules handed to the transport so far. */
    public long capsulesSent() {
        return sent.capsules();
    }

    /** Sealed bytes of the capsules handed to the transport so far. */
    public long bytesSent() {
        return sent.bytes();
    }

    static String shortForms(Collection<PeerId> peers) {
        return peers.stream().map(PeerId::shortForm).collect(Collectors.joining(","));
    }

    /** Signs and sends a control message; {@code recipient} null for a broadcast. */
    public void control(String type, PeerId recipient, byte[] body) throws IOException {
        SignedControlMessage message = security.sign(type, recipient, body);
        messaging.send(message);
        flows.record(true, recipient, type, 0);
    }

    /** The messages sent since the last drain, for views that show them move. */
    public MessageFlowRecorder flows() {
        return flows;
    }
}

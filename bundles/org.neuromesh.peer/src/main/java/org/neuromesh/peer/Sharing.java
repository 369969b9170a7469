package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.SealingException;

/**
 * Memory sharing: {@link #share} seals a capsule to one peer; capsules of kinds that neither sessions nor borrowing
 * claim (e.g. {@code memory}) arrive in the {@link SharedInbox}, with sender and time, for a memory store to take.
 */
public final class Sharing {

    private static final System.Logger LOG = System.getLogger(Sharing.class.getName());

    private final CapsuleSender sender;
    private final Inbox inbox;
    private final SharedInbox received;
    private final Clock clock;

    public Sharing(CapsuleSender sender, Inbox inbox, SharedInbox received, Clock clock) {
        this.sender = sender;
        this.inbox = inbox;
        this.received = received;
        this.clock = clock;
        inbox.onOtherCapsules(this::arrived);
    }

    /**
     * Seals {@code capsule} (kind, id and privacy level as they are) to {@code recipient} only and sends it.
     *
     * @return the sealed size in bytes
     * @throws SealingException if the capsule is {@link PrivacyLevel#PRIVATE} (it never leaves this device, not even
     *         sealed) or the recipient's keys are unknown
     * @throws IllegalArgumentException if its kind is one the runtime itself uses (sessions, borrowing)
     * @throws IOException if the transport refuses it
     */
    public long share(Capsule capsule, PeerId recipient) throws SealingException, IOException {
        Objects.requireNonNull(capsule, "capsule");
        Objects.requireNonNull(recipient, "recipient");
        if (!capsule.privacy().mayLeaveDevice()) {
            throw new SealingException("capsule " + capsule.id() + " is " + capsule.privacy()
                    + ": it never leaves this device, not even sealed");
        }
        if (inbox.claims(capsule.kind())) {
            throw new IllegalArgumentException("capsule kind '" + capsule.kind() + "' is the runtime's own (sessions,"
                    + " borrowing); share memory under another kind, e.g. 'memory'");
        }
        long bytes = sender.send(capsule, List.of(recipient));
        LOG.log(Level.INFO, "shared capsule {0} ({1}, {2}) with {3}: {4} sealed bytes", capsule.id(), capsule.kind(),
                capsule.privacy(), recipient.shortForm(), bytes);
        return bytes;
    }

    /** Capsules shared with this peer, not yet taken by a memory store. */
    public SharedInbox received() {
        return received;
    }

    private void arrived(PeerId from, Capsule capsule, long sealedBytes) {
        received.add(new SharedCapsule(from, capsule, clock.instant()));
        LOG.log(Level.DEBUG, "received capsule {0} ({1}) from {2}", capsule.id(), capsule.kind(), from.shortForm());
    }
}

package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.ledger.Ledger;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.security.PeerSecurity;

/**
 * Records borrowing events in the {@link Ledger}, if one is available; without one this does nothing (the local
 * {@link CreditBook} is the record then). Each record is signed by this peer first ({@link SignedAuditRecord}), so
 * a record naming another actor is refused before it reaches the ledger. A ledger that fails is logged, never
 * allowed to stop a loan that already happened.
 */
public final class AuditTrail {

    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());

    private final PeerSecurity security;
    private final Supplier<Optional<Ledger>> ledger;
    private final Clock clock;

    /** @param ledger the ledger now, if any (it may come and go) */
    public AuditTrail(PeerSecurity security, Supplier<Optional<Ledger>> ledger, Clock clock) {
        this.security = security;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A trail that records nothing, for a peer without a ledger. */
    public static AuditTrail none(PeerSecurity security, Clock clock) {
        return new AuditTrail(security, Optional::empty, clock);
    }

    /**
     * Records that this peer did {@code action} on {@code subject} with {@code counterparty}.
     *
     * @param credits credits moved from this peer to the counterparty (negative: the other way)
     * @param content the content concerned; only its SHA-256 is recorded
     * @return whether a ledger took the record
     */
    boolean record(AuditAction action, String subject, PeerId counterparty, long credits, byte[] content) {
        Optional<Ledger> target = ledger.get();
        if (target.isEmpty()) {
            return false;
        }
        AuditRecord record = new AuditRecord(UUID.randomUUID().toString(), clock.instant(), security.self(), action,
                subject, counterparty, credits, sha256(content));
        try {
            SignedAuditRecord signed = security.sign(record);
            target.get().append(signed.record());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the ledger did not take {0} of {1}: {2}", action, subject, e.getMessage());
            return false;
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}

package org.neuromesh.api.ledger;

import java.io.IOException;
import java.util.List;

import org.neuromesh.api.peer.PeerId;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An append-only record of contributions and credits. Registered with {@value #NAME_PROPERTY} set to its name,
 * e.g. {@code local} or {@code ethereum}.
 *
 * <p>Providers must never change or drop an accepted record, must make tampering detectable by
 * {@link #verify()}, and must be thread-safe.
 */
@ConsumerType
public interface Ledger {

    /** Service property naming the ledger. */
    String NAME_PROPERTY = "neuromesh.ledger";

    /** Appends a record; a record whose id is already present is rejected with an IOException. */
    LedgerReceipt append(AuditRecord record) throws IOException;

    /** Records in ledger order, starting at {@code fromSequence}, at most {@code limit}. */
    List<AuditRecord> records(long fromSequence, int limit) throws IOException;

    /** Credits of a peer: received minus given. */
    long creditBalance(PeerId peer) throws IOException;

    /** Checks the whole ledger. */
    Verification verify() throws IOException;
}

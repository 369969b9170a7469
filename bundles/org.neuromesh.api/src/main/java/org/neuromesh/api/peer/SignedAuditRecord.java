package org.neuromesh.api.peer;

import java.util.Objects;

import org.neuromesh.api.ledger.AuditRecord;

/**
 * An audit record signed by its actor, as published to other peers or a shared ledger.
 *
 * @param record the record
 * @param signature the actor's signature over the record's canonical form
 */
public record SignedAuditRecord(AuditRecord record, byte[] signature) implements Outbound {

    public SignedAuditRecord {
        Objects.requireNonNull(record, "record");
        signature = Messages.requireBytes(signature, "signature");
    }

    @Override
    public PeerId sender() {
        return record.actor();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}

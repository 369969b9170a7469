package org.neuromesh.api.ledger;

import java.time.Instant;
import java.util.Objects;

import org.neuromesh.api.peer.PeerId;

/**
 * One auditable event.
 *
 * @param id unique id of the record
 * @param timestamp when the event happened
 * @param actor the peer that did it and signs the record
 * @param action what happened
 * @param subject what it happened to (capsule id, session id, node packet id, ...)
 * @param counterparty the other peer involved, or {@code null}
 * @param credits credits moved from actor to counterparty (negative: the other way); 0 if none
 * @param contentHash SHA-256 of the content concerned, so that it can be checked without being disclosed
 */
public record AuditRecord(String id, Instant timestamp, PeerId actor, AuditAction action, String subject,
        PeerId counterparty, long credits, byte[] contentHash) {

    public AuditRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("audit record needs an id");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        if (contentHash == null || contentHash.length != 32) {
            throw new IllegalArgumentException("audit record " + id + " needs a 32-byte SHA-256 content hash");
        }
        contentHash = contentHash.clone();
    }

    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }
}

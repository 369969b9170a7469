package org.neuromesh.api.ledger;

/**
 * Proof that a ledger accepted a record.
 *
 * @param recordId the record's id
 * @param sequence its position in the ledger, starting at 0
 * @param reference where to find it (a hash, a transaction id), as text
 */
public record LedgerReceipt(String recordId, long sequence, String reference) {
}

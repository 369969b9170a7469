package org.neuromesh.api.ledger;

import java.util.Optional;

/**
 * Outcome of checking a ledger's integrity.
 *
 * @param checkedRecords how many records were checked
 * @param problem the first problem found (a broken chain, a bad signature, ...), or {@code null} if none
 */
public record Verification(long checkedRecords, String problem) {

    /** Whether the ledger is intact. */
    public boolean intact() {
        return problem == null;
    }

    /** The first problem found, if any. */
    public Optional<String> firstProblem() {
        return Optional.ofNullable(problem);
    }
}

package org.neuromesh.api.peer;

/**
 * Identity of a peer: the lower-case hex fingerprint of its public signing key.
 *
 * @param value 16 to 128 lower-case hex digits
 */
public record PeerId(String value) {

    public PeerId {
        if (value == null || !value.matches("[0-9a-f]{16,128}")) {
            throw new IllegalArgumentException("peer id must be 16 to 128 lower-case hex digits, got '" + value + "'");
        }
    }

    /** The first 8 digits, for logs and tables. */
    public String shortForm() {
        return value.substring(0, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.neuromesh.api.security;

/** A capsule could not be sealed: private content, unknown recipient, or a failure of the cipher. */
public class SealingException extends Exception {
    private static final long serialVersionUID = 1L;

    public SealingException(String message) {
        super(message);
    }

    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}

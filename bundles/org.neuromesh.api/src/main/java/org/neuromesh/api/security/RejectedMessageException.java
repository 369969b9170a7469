package org.neuromesh.api.security;

import java.util.Objects;

/** An inbound message was refused; {@link #reason()} says why, the message text says what was seen. */
public class RejectedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public RejectedMessageException(RejectionReason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectedMessageException(RejectionReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}

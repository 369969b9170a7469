package org.neuromesh.api.network;

/**
 * Why a {@link PeerActions} action failed, in words a user can act on (the message names the peer and the reason).
 *
 * @since 1.1
 */
public class PeerActionException extends Exception {

    private static final long serialVersionUID = 1L;

    public PeerActionException(String message) {
        super(message);
    }

    public PeerActionException(String message, Throwable cause) {
        super(message, cause);
    }
}

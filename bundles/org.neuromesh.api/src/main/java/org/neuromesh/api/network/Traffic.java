package org.neuromesh.api.network;

/**
 * Capsules this peer handed to its transport and opened since it started, with their sealed sizes.
 *
 * @param capsulesSent   capsules sealed and handed over, once per recipient set
 * @param capsulesOpened capsules received, verified and opened
 * @param bytesSent      sealed bytes of the capsules sent
 * @param bytesOpened    sealed bytes of the capsules opened
 */
public record Traffic(long capsulesSent, long capsulesOpened, long bytesSent, long bytesOpened) {

    public static final Traffic NONE = new Traffic(0, 0, 0, 0);

    public Traffic {
        if (capsulesSent < 0 || capsulesOpened < 0 || bytesSent < 0 || bytesOpened < 0) {
            throw new IllegalArgumentException("traffic counts are never negative: " + capsulesSent + ", "
                    + capsulesOpened + ", " + bytesSent + ", " + bytesOpened);
        }
    }
}

package org.neuromesh.discovery.mqtt.testing;

import java.security.SecureRandom;
import java.time.Clock;

import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.PeerIdentity;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;

/** Real peer identities (the crypto bundle's {@link MessageSecurity}) made in memory for tests. */
public final class Identities {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Identities() {
    }

    /** A new peer with fresh keys and the default time windows and limits. */
    public static MessageSecurity fresh() {
        return new MessageSecurity(PeerIdentity.generate(RANDOM), Clock.systemUTC(), TimeWindows.defaults(),
                SecurityLimits.defaults());
    }
}

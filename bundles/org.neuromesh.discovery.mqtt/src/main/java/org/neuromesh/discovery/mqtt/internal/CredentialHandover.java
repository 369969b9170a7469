package org.neuromesh.discovery.mqtt.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.discovery.mqtt.MqttTransport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Carries a broker password from {@link BrokerConnectionComponent} to the transport component that the new
 * configuration re-creates, in memory only: Config Admin writes configurations to plain files, so the password never
 * goes there. It holds the passwords of one address (the broker's and the client key store's, each if one was given);
 * newer ones replace (and wipe) them. It also tells the connector which transport a configuration change started, by
 * the change's attempt number.
 */
@Component(service = CredentialHandover.class)
public class CredentialHandover {

    /** Configuration property (leading dot: not a service property) numbering a connect request. */
    static final String ATTEMPT = ".attempt";

    private String key;
    private char[] password;
    private char[] keyStorePassword;
    private long lastAttempt;
    private long startedAttempt = -1;
    private MqttTransport started;

    /**
     * Keeps {@code secret} and {@code keyStoreSecret} for {@code address} ({@code null} or empty: none, the
     * transport then reads its configuration); returns the number of this attempt, for {@link #awaitStarted}.
     */
    synchronized long offer(BrokerAddress address, char[] secret, char[] keyStoreSecret) {
        wipe();
        key = key(address.host(), address.port(), address.tls(), address.username());
        password = copyOrNull(secret);
        keyStorePassword = copyOrNull(keyStoreSecret);
        // unique across restarts of the component: an attempt persisted in the configuration is never reused
        lastAttempt = Math.max(lastAttempt + 1, System.currentTimeMillis());
        return lastAttempt;
    }

    /** The password handed over for this address, if any (a copy). */
    synchronized Optional<char[]> passwordFor(String host, int port, boolean tls, String username) {
        return password != null && key(host, port, tls, username).equals(key) ? Optional.of(password.clone())
                : Optional.empty();
    }

    /** The client key store's password handed over for this address, if any (a copy). */
    synchronized Optional<char[]> keyStorePasswordFor(String host, int port, boolean tls, String username) {
        return keyStorePassword != null && key(host, port, tls, username).equals(key)
                ? Optional.of(keyStorePassword.clone()) : Optional.empty();
    }

    /** Told by the transport component once its transport runs; {@code attempt} is 0 for none. */
    synchronized void started(long attempt, MqttTransport transport) {
        startedAttempt = attempt;
        started = transport;
        notifyAll();
    }

    /** The transport started for {@code attempt}, waiting at most {@code wait} for it. */
    synchronized Optional<MqttTransport> awaitStarted(long attempt, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (startedAttempt != attempt) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return Optional.of(started);
    }

    @Deactivate
    synchronized void wipe() {
        for (char[] secret : new char[][] {password, keyStorePassword}) {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        password = null;
        keyStorePassword = null;
        key = null;
    }

    private static char[] copyOrNull(char[] secret) {
        return secret == null || secret.length == 0 ? null : secret.clone();
    }

    private static String key(String host, int port, boolean tls, String username) {
        return (tls ? "ssl" : "tcp") + "|" + (username == null ? "" : username.strip()) + "|"
                + (host == null ? "" : host.strip()) + "|" + port;
    }
}

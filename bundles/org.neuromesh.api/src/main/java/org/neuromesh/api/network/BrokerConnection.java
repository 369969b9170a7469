package org.neuromesh.api.network;

import java.time.Duration;

import org.neuromesh.api.peer.TransportState;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Connects the running peer to another MQTT broker, e.g. from the workbench's connection dialog. Registered by the
 * transport's bundle. The address is kept in the transport's configuration; the password only in memory, never in a
 * file: whoever asks to connect keeps it (the workbench in Equinox secure storage) and hands it over again after a
 * restart.
 *
 * @since 1.1
 */
@ProviderType
public interface BrokerConnection {

    /** The broker the peer is configured for now; a blank host is the embedded broker. */
    BrokerAddress broker();

    /**
     * Points the peer's transport at {@code address} with {@code password} (empty or {@code null} for none) and
     * waits until it is connected, the broker refused it, it could not be reached, or {@code wait} passed. Blocks:
     * never call it on a UI thread. The caller may clear {@code password} afterwards.
     *
     * @return the connection then: connected, or not with the reason a user can act on (also logged). Settings
     *         that cannot work (a blank user with a password, a password that would cross the network
     *         unencrypted, ...) are refused without touching the running connection.
     * @throws InterruptedException if the waiting thread is interrupted (the new settings stay applied)
     */
    TransportState connect(BrokerAddress address, char[] password, Duration wait) throws InterruptedException;

    /**
     * As {@link #connect(BrokerAddress, char[], Duration)}, and in the same configuration change sets {@code files}
     * in place of the ones configured so far (paths only: a password put into the configuration earlier is removed),
     * with the client key store's password handed over in memory too. A password that is {@code null} or empty is
     * read from the corresponding file of {@code files}, if it names one; such a file is refused, with the reason,
     * unless only its owner may access it. This is how a shell connects a headless server that must connect again
     * after a restart: the configuration names the files, and the transport reads them when it starts.
     *
     * @since 1.2
     */
    TransportState connect(BrokerAddress address, BrokerFiles files, char[] password, char[] keyStorePassword,
            Duration wait) throws InterruptedException;
}

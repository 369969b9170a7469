package org.neuromesh.ui.network;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.extensions.Service;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerConnection;

import jakarta.inject.Inject;

/**
 * Once the peer's broker connection is there after a start: if the configured broker has a user and secure
 * storage keeps a password for it, connects again with it. The address survives a restart in the transport's
 * configuration; the password, by design, only here.
 */
public class ReconnectAddon {

    private static final Logger LOG = System.getLogger(ReconnectAddon.class.getName());

    private final BrokerPasswords passwords = BrokerPasswords.inNeuroMeshHome();
    private boolean tried;

    @Inject
    void connectionAppeared(@org.eclipse.e4.core.di.annotations.Optional @Service BrokerConnection connection) {
        synchronized (this) {
            if (connection == null || tried) {
                return;
            }
            tried = true;
        }
        // reading secure storage derives its key: not on the UI thread
        Job.create("Reconnecting to the broker", monitor -> {
            BrokerAddress address = connection.broker();
            if (address.username().isEmpty()) {
                return Status.OK_STATUS;
            }
            try {
                Optional<char[]> kept = passwords.find(address);
                if (kept.isPresent()) {
                    LOG.log(Level.INFO, "Reconnecting to " + address.uri() + " as " + address.username()
                            + " with the password kept in secure storage");
                    BrokerConnect.start(connection, passwords, address, kept.get(), false);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot reconnect to " + address.uri() + ": " + e.getMessage());
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}

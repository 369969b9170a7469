package org.neuromesh.ui.network;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerConnection;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.ui.model.ConnectForm;

/**
 * One connect, the same for the dialog and the scripted command: a Job (never the UI thread) asks the peer to
 * connect, keeps the password in secure storage once the broker took it, wipes its copy, and logs the outcome.
 */
final class BrokerConnect {

    /** How long a connect waits for the broker's verdict; Paho gives up on a silent host after 10 s. */
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = System.getLogger(BrokerConnect.class.getName());

    private BrokerConnect() {
    }

    /**
     * Starts connecting; the future completes (on the Job's thread) with the outcome, never exceptionally.
     *
     * @param password taken over: wiped when done
     * @param keep     whether to keep the password in secure storage if the broker accepts it
     */
    static CompletableFuture<TransportState> start(BrokerConnection connection, BrokerPasswords passwords,
            BrokerAddress address, char[] password, boolean keep) {
        CompletableFuture<TransportState> outcome = new CompletableFuture<>();
        Job job = Job.create("Connecting to " + address.uri(), (IProgressMonitor monitor) -> {
            TransportState state;
            try {
                state = connection.connect(address, password, WAIT);
                if (state.connected() && keep && password.length > 0) {
                    passwords.save(address, password);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state = new TransportState(false, address.uri(), Instant.now(), "interrupted", Duration.ZERO);
            } catch (IOException | RuntimeException e) {
                state = new TransportState(false, address.uri(), Instant.now(), e.getMessage(), Duration.ZERO);
            } finally {
                Arrays.fill(password, '\0');
            }
            LOG.log(state.connected() ? Level.INFO : Level.WARNING, "Connect to a broker: "
                    + ConnectForm.outcome(state));
            outcome.complete(state);
            return Status.OK_STATUS; // the outcome is told by the caller and the log, not by an error dialog
        });
        job.setUser(false);
        job.schedule();
        return outcome;
    }
}

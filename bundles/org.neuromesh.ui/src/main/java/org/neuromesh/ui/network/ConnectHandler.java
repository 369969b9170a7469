package org.neuromesh.ui.network;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerConnection;
import org.neuromesh.ui.model.ConnectForm;
import org.neuromesh.ui.model.WorkbenchPreferences;
import org.neuromesh.ui.preferences.InstancePreferenceStore;

import jakarta.inject.Named;

/**
 * Network > Connect to a broker. Without parameters it opens the {@link ConnectDialog}, filled with the broker of the
 * Broker preference page (else the one the peer uses now) and the password kept for it. With parameters
 * ({@link ConnectForm#HOST} and the others; absent ones from the broker in use) it connects without a dialog, with
 * the given password or else the one in secure storage: the same {@link BrokerConnect} path,
 * for scripts and the product tests. The outcome shows in the status line and the log either way.
 */
public class ConnectHandler {

    private static final Logger LOG = System.getLogger(ConnectHandler.class.getName());

    private final BrokerPasswords passwords = BrokerPasswords.inNeuroMeshHome();

    @Execute
    void execute(@org.eclipse.e4.core.di.annotations.Optional @Service BrokerConnection connection,
            @Named("activeShell") Shell shell,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConnectForm.HOST) String host,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConnectForm.PORT) String port,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConnectForm.TLS) String tls,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConnectForm.USER) String user,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConnectForm.PASSWORD) String password) {
        if (connection == null) {
            MessageDialog.openError(shell, ConnectForm.TITLE, "The MQTT transport is not running: the bundle"
                    + " org.neuromesh.discovery.mqtt is missing or stopped.");
            return;
        }
        ConnectForm current = ConnectForm.of(connection.broker());
        Map<String, String> parameters = new HashMap<>();
        put(parameters, ConnectForm.HOST, host);
        put(parameters, ConnectForm.PORT, port);
        put(parameters, ConnectForm.TLS, tls);
        put(parameters, ConnectForm.USER, user);
        if (parameters.isEmpty() && password == null) {
            // the Broker preference page's broker if it names one, else the one in use
            ConnectForm initial = WorkbenchPreferences.connectForm(new InstancePreferenceStore().values(), current);
            new ConnectDialog(shell, initial, this::kept,
                    (address, secret, keep) -> BrokerConnect.start(connection, passwords, address, secret, keep))
                    .open();
            return;
        }
        ConnectForm form = ConnectForm.of(parameters, current);
        char[] secret = password != null ? password.toCharArray()
                : form.address().map(this::kept).orElse(new char[0]);
        var problems = form.problems(secret.length > 0);
        if (!problems.isEmpty()) {
            LOG.log(Level.WARNING, "Connect to a broker: " + String.join(" ", problems));
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        BrokerConnect.start(connection, passwords, form.address().orElseThrow(), secret, true);
    }

    /** The password kept for this address, or none; a storage that cannot be read is logged, not fatal. */
    private char[] kept(BrokerAddress address) {
        try {
            Optional<char[]> found = passwords.find(address);
            return found.orElse(new char[0]);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Connect to a broker: " + e.getMessage());
            return new char[0];
        }
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }
}

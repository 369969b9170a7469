package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerConnection;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.cli.ConnectArguments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:connect}: which MQTT broker this peer uses (see {@link ConnectArguments#USAGE}), through
 * {@link BrokerConnection}: the address and files to Config Admin, the passwords in memory only.
 */
@Component(service = ConnectCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=connect" })
public class ConnectCommand {

    /** How long the command waits for the broker's answer; the transport goes on trying after it. */
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Logger LOG = System.getLogger(ConnectCommand.class.getName());

    private final BrokerConnection connection;

    @Activate
    public ConnectCommand(@Reference BrokerConnection connection) {
        this.connection = connection;
    }

    public void connect(String... args) throws InterruptedException {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(ConnectArguments.USAGE);
            return;
        }
        if (args.length == 0) {
            BrokerAddress broker = connection.broker();
            out.println("using " + ConnectArguments.describe(broker));
            return;
        }
        ConnectArguments arguments;
        try {
            arguments = ConnectArguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("connect failed: " + e.getMessage());
            out.println(ConnectArguments.USAGE);
            return;
        }
        out.println("connecting to " + arguments.describe() + " ...");
        char[] password = arguments.password().toCharArray();
        char[] keyStorePassword = arguments.keyStorePassword().toCharArray();
        TransportState state;
        try {
            state = connection.connect(arguments.address(), arguments.files(), password, keyStorePassword, WAIT);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(keyStorePassword, '\0');
        }
        if (!state.connected()) {
            // the connection logged why already
            out.println("not connected to " + arguments.describe() + ": " + state.problem());
            out.println("the peer goes on; neuromesh:peers shows its connection");
            return;
        }
        out.println("connected to " + state.endpoint() + (arguments.address().username().isBlank() ? ""
                : " as " + arguments.address().username()));
        if (!arguments.password().isEmpty() || !arguments.keyStorePassword().isEmpty()) {
            String note = "the password given on the command line is kept in memory only: after a restart this peer"
                    + " connects without it; a server that must connect by itself reads it from an owner-only"
                    + " --password-file (--keystore-password-file)";
            out.println(note);
            LOG.log(Level.INFO, note);
        }
        out.println("neuromesh:peers shows who is there");
    }
}

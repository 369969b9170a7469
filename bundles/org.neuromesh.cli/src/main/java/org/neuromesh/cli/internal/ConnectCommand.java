package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;

import org.neuromesh.cli.ConnectArguments;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code neuromesh:connect}: which MQTT broker this peer uses (see {@link ConnectArguments#USAGE}). */
@Component(service = ConnectCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=connect" })
public class ConnectCommand {

    private final ConfigurationAdmin configurations;

    @Activate
    public ConnectCommand(@Reference ConfigurationAdmin configurations) {
        this.configurations = configurations;
    }

    public void connect(String... args) throws IOException {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(ConnectArguments.USAGE);
            return;
        }
        Configuration configuration = configurations.getConfiguration(ConnectArguments.PID, "?");
        if (args.length == 0) {
            Dictionary<String, Object> current = configuration.getProperties();
            Object host = current == null ? null : current.get("host");
            out.println(host == null || host.toString().isBlank() ? "using the embedded broker on this machine"
                    : "using " + host + ":" + current.get("port") + (Boolean.TRUE.equals(current.get("tls"))
                            ? " (TLS)" : ""));
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
        Dictionary<String, Object> properties = configuration.getProperties();
        Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
        arguments.properties().forEach(updated::put);
        configuration.update(updated);
        out.println("connecting to " + arguments.describe() + "; neuromesh:peers shows who is there");
    }
}

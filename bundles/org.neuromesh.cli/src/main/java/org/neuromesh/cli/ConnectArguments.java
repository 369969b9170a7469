package org.neuromesh.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code neuromesh:connect}: which MQTT broker this peer uses, as the properties to set on the MQTT
 * transport's configuration (pid {@value #PID}). Connecting to a community broker is this one command.
 *
 * @param properties the transport properties to set (the others keep their values)
 */
public record ConnectArguments(Map<String, Object> properties) {

    /** The MQTT transport's configuration. */
    public static final String PID = "org.neuromesh.discovery.mqtt";

    public static final String USAGE = String.join("\n",
            "usage: connect HOST[:PORT] [--tls] [--ca FILE] [--keystore FILE.p12] [--keystore-password P]",
            "               [--user NAME] [--password P]",
            "       connect --embedded",
            "       connect",
            "  Points this peer's MQTT transport at a broker (e.g. a community Mosquitto); --embedded goes back to the",
            "  embedded broker on this machine; without arguments, shows the broker in use. The port defaults to 8883",
            "  with --tls and 1883 without. The change is kept by Config Admin and applies at once (the transport",
            "  reconnects).");

    public ConnectArguments {
        properties = Map.copyOf(properties);
    }

    /** @throws IllegalArgumentException naming the option or value that is wrong */
    public static ConnectArguments parse(String... args) {
        if (args.length == 1 && args[0].equals("--embedded")) {
            return new ConnectArguments(Map.of("host", "", "port", 1883, "tls", false));
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("name the broker: connect HOST[:PORT], or connect --embedded");
        }
        Options o = Options.parse(java.util.Arrays.copyOfRange(args, 1, args.length), Set.of("--tls"),
                Set.of("--ca", "--keystore", "--keystore-password", "--user", "--password"));
        boolean tls = o.flag("--tls");
        String[] hostAndPort = args[0].split(":", 2);
        String host = hostAndPort[0].trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in '" + args[0] + "'");
        }
        int port = tls ? 8883 : 1883;
        if (hostAndPort.length == 2) {
            try {
                port = Integer.parseInt(hostAndPort[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + hostAndPort[1] + "' is not a port number");
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("host", host);
        properties.put("port", port);
        properties.put("tls", tls);
        properties.put("caCertificateFile", o.text("--ca", ""));
        properties.put("clientKeyStore", o.text("--keystore", ""));
        properties.put(".clientKeyStorePassword", o.text("--keystore-password", ""));
        properties.put("username", o.text("--user", ""));
        properties.put(".password", o.text("--password", ""));
        return new ConnectArguments(properties);
    }

    /** What the command prints after applying: the broker, never a password. */
    public String describe() {
        String host = String.valueOf(properties.get("host"));
        if (host.isBlank()) {
            return "the embedded broker on this machine";
        }
        String user = String.valueOf(properties.getOrDefault("username", ""));
        return host + ":" + properties.get("port") + (Boolean.TRUE.equals(properties.get("tls")) ? " (TLS)" : "")
                + (user.isBlank() ? "" : " as " + user);
    }
}

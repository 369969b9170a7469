package org.neuromesh.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerFiles;

/**
 * The options of {@code neuromesh:connect}: which MQTT broker this peer uses. The address and the files go into the
 * transport's configuration; the passwords given on the command line are handed to the transport in memory only (see
 * {@link org.neuromesh.api.network.BrokerConnection}).
 *
 * @param address          the broker; a blank host is the embedded broker on this machine
 * @param files            the TLS files and the password files, as absolute paths
 * @param password         the broker password typed on the command line, empty if none
 * @param keyStorePassword the client key store's password typed on the command line, empty if none
 */
public record ConnectArguments(BrokerAddress address, BrokerFiles files, String password, String keyStorePassword) {

    public static final String USAGE = String.join("\n",
            "usage: connect HOST[:PORT] [--tls] [--ca FILE] [--keystore FILE.p12]",
            "               [--keystore-password P | --keystore-password-file FILE]",
            "               [--user NAME] [--password P | --password-file FILE]",
            "       connect --embedded",
            "       connect",
            "  Points this peer's MQTT transport at a broker (e.g. a community Mosquitto) and says whether it",
            "  connected, or why not; --embedded goes back to the embedded broker on this machine; without",
            "  arguments, shows the broker in use. The port defaults to 8883 with --tls and 1883 without.",
            "  The address and the files are kept by Config Admin; a password given with --password stays in",
            "  memory only, so after a restart the peer has none. A server that must connect again by itself",
            "  reads it from a --password-file (--keystore-password-file) only its owner may access (chmod 600).");

    public ConnectArguments {
        password = password == null ? "" : password;
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
    }

    /** @throws IllegalArgumentException naming the option or value that is wrong */
    public static ConnectArguments parse(String... args) {
        if (args.length == 1 && args[0].equals("--embedded")) {
            return new ConnectArguments(new BrokerAddress("", 1883, false, ""), BrokerFiles.none(), "", "");
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("name the broker: connect HOST[:PORT], or connect --embedded");
        }
        Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length), Set.of("--tls"),
                Set.of("--ca", "--keystore", "--keystore-password", "--keystore-password-file", "--user",
                        "--password", "--password-file"));
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
        String user = o.text("--user", "");
        oneOf(o, "--password", "--password-file");
        oneOf(o, "--keystore-password", "--keystore-password-file");
        if (user.isBlank() && (o.flag("--password") || o.flag("--password-file"))) {
            throw new IllegalArgumentException("a password is for a login: give --user NAME too");
        }
        if (o.text("--keystore", "").isBlank()
                && (o.flag("--keystore-password") || o.flag("--keystore-password-file"))) {
            throw new IllegalArgumentException("a key store password is for a key store: give --keystore FILE.p12 too");
        }
        BrokerFiles files = new BrokerFiles(absolute(o, "--ca"), absolute(o, "--keystore"),
                absolute(o, "--password-file"), absolute(o, "--keystore-password-file"));
        return new ConnectArguments(new BrokerAddress(host, port, tls, user), files, o.text("--password", ""),
                o.text("--keystore-password", ""));
    }

    /** What the command prints: the broker, never a password. */
    public String describe() {
        return describe(address);
    }

    /** E.g. {@code mqtt.example.org:8883 (TLS) as alice}, or the embedded broker for a blank host. */
    public static String describe(BrokerAddress address) {
        if (address.host().isBlank()) {
            return "the embedded broker on this machine";
        }
        return address.host() + ":" + address.port() + (address.tls() ? " (TLS)" : "")
                + (address.username().isBlank() ? "" : " as " + address.username());
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "ConnectArguments[" + describe() + ", " + files + ", password " + (password.isEmpty() ? "none"
                : "given") + ", key store password " + (keyStorePassword.isEmpty() ? "none" : "given") + "]";
    }

    private static void oneOf(Options o, String value, String file) {
        if (o.flag(value) && o.flag(file)) {
            throw new IllegalArgumentException("give " + value + " or " + file + ", not both");
        }
    }

    /** Absolute, so that a server started from another folder finds the file after a restart. */
    private static String absolute(Options o, String option) {
        String path = o.text(option, "").strip();
        if (path.isEmpty()) {
            return "";
        }
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + ": '" + path + "' is not a path");
        }
    }
}

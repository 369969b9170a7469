package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.peer.TransportState;

/**
 * The broker connection dialog without widgets: the fields as typed, their problems, the address they make and the
 * texts shown while and after connecting. The same form serves the Connect command's parameters, so that the dialog
 * and a scripted connect go the same way. The password is never part of it: the dialog hands it over separately.
 *
 * @param host     as typed
 * @param port     as typed
 * @param tls      the TLS check box
 * @param username as typed
 */
public record ConnectForm(String host, String port, boolean tls, String username) {

    /** Command parameters of Network > Connect to a broker (without them the command opens the dialog). */
    public static final String HOST = "org.neuromesh.ui.commandparameter.connect.host";
    public static final String PORT = "org.neuromesh.ui.commandparameter.connect.port";
    public static final String TLS = "org.neuromesh.ui.commandparameter.connect.tls";
    public static final String USER = "org.neuromesh.ui.commandparameter.connect.user";
    /** A password typed elsewhere; without it the password kept in secure storage for the address is used. */
    public static final String PASSWORD = "org.neuromesh.ui.commandparameter.connect.password";

    public static final String TITLE = "Connect to a broker";
    public static final String MESSAGE = "The MQTT broker through which this peer finds the others. The password"
            + " is kept in Equinox secure storage, encrypted, never in a plain file.";

    public ConnectForm {
        host = host == null ? "" : host.strip();
        port = port == null ? "" : port.strip();
        username = username == null ? "" : username.strip();
    }

    /** The form filled with an address, e.g. the one the peer uses now. */
    public static ConnectForm of(BrokerAddress address) {
        return new ConnectForm(address.host().isEmpty() ? "127.0.0.1" : address.host(),
                Integer.toString(address.port()), address.tls(), address.username());
    }

    /** The form the Connect command's parameters make (absent ones from {@code defaults}). */
    public static ConnectForm of(Map<String, String> parameters, ConnectForm defaults) {
        return new ConnectForm(parameters.getOrDefault(HOST, defaults.host()),
                parameters.getOrDefault(PORT, defaults.port()),
                Boolean.parseBoolean(parameters.getOrDefault(TLS, Boolean.toString(defaults.tls()))),
                parameters.getOrDefault(USER, defaults.username()));
    }

    /** What is wrong with the fields, one line each; empty when the form can connect. */
    public List<String> problems(boolean passwordGiven) {
        List<String> problems = new ArrayList<>();
        if (host.isEmpty()) {
            problems.add("Host: enter the broker's host name or IP address.");
        } else if (!host.matches("[A-Za-z0-9.:\\-\\[\\]_]+")) {
            problems.add("Host: '" + host + "' is not a host name or IP address.");
        }
        if (portNumber().isEmpty()) {
            problems.add("Port: '" + port + "' is not a TCP port (1-65535).");
        }
        if (passwordGiven && username.isEmpty()) {
            problems.add("User: a password needs a user name.");
        }
        return problems;
    }

    /** The address, if the fields have no problem (the password does not change it). */
    public Optional<BrokerAddress> address() {
        if (!problems(false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BrokerAddress(host, portNumber().orElseThrow(), tls, username));
    }

    /** Shown while connecting. */
    public String connecting() {
        return "Connecting to " + address().map(BrokerAddress::uri).orElse(host) + " ...";
    }

    /** The outcome of a connect, in a sentence. */
    public static String outcome(TransportState state) {
        if (state.connected()) {
            return "Connected to " + state.endpoint() + ".";
        }
        return "Not connected to " + state.endpoint() + ": " + (state.problem().isEmpty() ? "no answer"
                : state.problem());
    }

    private Optional<Integer> portNumber() {
        if (!port.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535 ? Optional.of(value) : Optional.empty();
    }
}

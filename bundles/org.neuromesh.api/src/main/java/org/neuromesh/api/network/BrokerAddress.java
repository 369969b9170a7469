package org.neuromesh.api.network;

/**
 * Where a peer connects: an MQTT broker's host and port, whether with TLS, and the login (no password: that is
 * handed over separately and kept in memory only, see {@link BrokerConnection#connect}).
 *
 * @param host     host name or IP address; blank means this machine's embedded broker
 * @param port     TCP port, 1-65535
 * @param tls      whether to connect with TLS
 * @param username the broker login, blank for an anonymous connection
 * @since 1.1
 */
public record BrokerAddress(String host, int port, boolean tls, String username) {

    public BrokerAddress {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username.strip();
    }

    /** E.g. {@code tcp://127.0.0.1:1883} or {@code ssl://broker.example.org:8883}; no user, no password. */
    public String uri() {
        String literal = host.isEmpty() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "ssl://" : "tcp://") + literal + ":" + port;
    }
}

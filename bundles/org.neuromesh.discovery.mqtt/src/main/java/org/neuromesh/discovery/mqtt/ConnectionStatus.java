package org.neuromesh.discovery.mqtt;

import java.time.Instant;

/**
 * Where a transport's connection stands.
 *
 * @param connected whether the broker connection is up now
 * @param subscribed whether the broker has confirmed this connection's subscriptions (messages published to this
 *        peer before that may miss it on a first connection)
 * @param serverUri the broker, e.g. {@code ssl://127.0.0.1:8883}
 * @param lastError why the last attempt failed or the connection was lost, or {@code null}
 * @param since when the connection came up or went down
 * @param connects how many times it has connected (1 after the first connection)
 */
public record ConnectionStatus(boolean connected, boolean subscribed, String serverUri, String lastError,
        Instant since, int connects) {

    ConnectionStatus withSubscribed() {
        return new ConnectionStatus(connected, true, serverUri, lastError, since, connects);
    }
}

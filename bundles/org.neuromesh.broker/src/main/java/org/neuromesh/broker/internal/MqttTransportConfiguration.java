package org.neuromesh.broker.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Optional;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Reads, without creating it, the MQTT transport's configuration: which broker it connects to, if any. */
final class MqttTransportConfiguration {

    /** The MQTT transport's configuration PID. */
    static final String PID = "org.neuromesh.discovery.mqtt";
    /** Its property naming the broker to connect to; absent or blank means "the embedded one". */
    static final String HOST = "host";

    private final ConfigurationAdmin configurationAdmin;

    MqttTransportConfiguration(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    /** The broker host the transport is configured with, or empty when it names none. */
    Optional<String> brokerHost() throws IOException {
        Configuration[] found;
        try {
            found = configurationAdmin.listConfigurations("(" + "service.pid=" + PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found == null) {
            return Optional.empty();
        }
        for (Configuration configuration : found) {
            Dictionary<String, Object> properties = configuration.getProperties();
            Object host = properties == null ? null : properties.get(HOST);
            if (host != null && !host.toString().isBlank()) {
                return Optional.of(host.toString().trim());
            }
        }
        return Optional.empty();
    }
}

package org.neuromesh.discovery.mqtt.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerConnection;
import org.neuromesh.api.network.BrokerFiles;
import org.neuromesh.api.peer.TransportState;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link BrokerConnection} of the MQTT transport: host, port, TLS, user and the files go into the transport's
 * configuration (PID {@value MqttTransportConfig#PID}, kept by Config Admin), the passwords to the re-created
 * transport through {@link CredentialHandover}, in memory only.
 */
@Component(service = BrokerConnection.class)
public class BrokerConnectionComponent implements BrokerConnection {

    private final ConfigurationAdmin configurationAdmin;
    private final BrokerConnector connector;

    @Activate
    public BrokerConnectionComponent(@Reference ConfigurationAdmin configurationAdmin,
            @Reference CredentialHandover handover) {
        this.configurationAdmin = configurationAdmin;
        this.connector = new BrokerConnector(handover, this::apply);
    }

    @Override
    public BrokerAddress broker() {
        Dictionary<String, Object> properties = properties();
        return new BrokerAddress(text(properties.get("host"), ""), number(properties.get("port"), 1883),
                Boolean.parseBoolean(text(properties.get("tls"), "false")), text(properties.get("username"), ""));
    }

    @Override
    public TransportState connect(BrokerAddress address, char[] password, Duration wait) throws InterruptedException {
        boolean allowPlain = Boolean.parseBoolean(text(properties().get("allowPlainCredentials"), "false"));
        return connector.connect(address, password, allowPlain, wait);
    }

    @Override
    public TransportState connect(BrokerAddress address, BrokerFiles files, char[] password, char[] keyStorePassword,
            Duration wait) throws InterruptedException {
        boolean allowPlain = Boolean.parseBoolean(text(properties().get("allowPlainCredentials"), "false"));
        return connector.connect(address, files, password, keyStorePassword, allowPlain, wait);
    }

    /**
     * Merges into the existing configuration, so that what conf/ or an administrator set otherwise stays; a change
     * to {@code null} removes the property (the connector removes passwords put there earlier, e.g. by a conf/
     * file: they belong to the old address, and Config Admin keeps them in a plain file).
     */
    private void apply(Map<String, Object> changes) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(MqttTransportConfig.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (change.getValue() == null) {
                properties.remove(change.getKey());
            } else {
                properties.put(change.getKey(), change.getValue());
            }
        }
        configuration.update(properties);
    }

    private Dictionary<String, Object> properties() {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(MqttTransportConfig.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            return properties == null ? new Hashtable<>() : properties;
        } catch (IOException e) {
            return new Hashtable<>();
        }
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    private static int number(Object value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

package org.neuromesh.discovery.mqtt.testing;

import java.nio.file.Path;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.SocketFactories;
import org.neuromesh.testing.mosquitto.MosquittoBroker;
import org.neuromesh.testing.mosquitto.TestPki;

/** How this bundle's tests reach a test {@link MosquittoBroker}: transport settings and bare Paho clients. */
public final class TestBrokers {

    private TestBrokers() {
    }

    /** Transport settings for the TLS listener, as {@link MosquittoBroker#USER}, the outbox in {@code outbox}. */
    public static MqttSettings.Builder settings(MosquittoBroker broker, Path outbox) {
        TestPki pki = broker.pki();
        return MqttSettings.builder().host("127.0.0.1").port(broker.tlsPort()).tls(true)
                .caCertificateFile(pki.caCertificate().toString())
                .clientKeyStore(pki.clientKeyStore().toString(), TestPki.KEY_STORE_PASSWORD.toCharArray())
                .credentials(MosquittoBroker.USER, MosquittoBroker.PASSWORD.toCharArray())
                .topicRoot(MosquittoBroker.ROOT).outboxDirectory(outbox);
    }

    /** A connected synchronous Paho client on the TLS listener (clean session, no persistence). */
    public static MqttClient rawClient(MosquittoBroker broker, String clientId) throws MqttException {
        return rawClient(broker, clientId, MosquittoBroker.PASSWORD);
    }

    /** Like {@link #rawClient(MosquittoBroker, String)} with another password. */
    public static MqttClient rawClient(MosquittoBroker broker, String clientId, String password)
            throws MqttException {
        return rawClient(broker, clientId, MosquittoBroker.USER, password);
    }

    /**
     * A client of the {@link MosquittoBroker#OBSERVER}, who may read and write every topic: what the broker's
     * operator, or any client of a broker without an ACL, can do.
     */
    public static MqttClient observer(MosquittoBroker broker, String clientId) throws MqttException {
        return rawClient(broker, clientId, MosquittoBroker.OBSERVER, MosquittoBroker.OBSERVER_PASSWORD);
    }

    private static MqttClient rawClient(MosquittoBroker broker, String clientId, String user, String password)
            throws MqttException {
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + broker.tlsPort(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setSocketFactory(SocketFactories.forSettings(settings(broker, broker.pki().caCertificate().getParent())
                .build()));
        options.setConnectionTimeout(10);
        options.setMaxInflight(1000); // Paho frees in-flight slots after completing the publish token
        client.connect(options);
        return client;
    }
}

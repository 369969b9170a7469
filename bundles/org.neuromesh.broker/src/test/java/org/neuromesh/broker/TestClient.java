package org.neuromesh.broker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho MQTT 3.1.1 client on loopback that keeps what it receives, as a peer would talk to the broker. */
public final class TestClient implements AutoCloseable {

    /** A received message: topic, text, whether the broker marked it retained. */
    public record Received(String topic, String text, boolean retained) {
    }

    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Throwable lost;

    private TestClient(MqttClient client) {
        this.client = client;
    }

    /** Connects anonymously; {@code cleanSession=false} asks the broker to keep the session while offline. */
    public static TestClient connect(int port, String clientId, boolean cleanSession) throws MqttException {
        return connect(port, clientId, cleanSession, null, null);
    }

    public static TestClient connect(int port, String clientId, boolean cleanSession, String user, String password)
            throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        TestClient test = new TestClient(client);
        client.setCallback(test.callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return test;
    }

    public void subscribe(String topic) throws MqttException {
        client.subscribe(topic, 1);
    }

    /** Publishes with QoS 1 and returns once the broker has acknowledged it (PUBACK). */
    public void publish(String topic, String text, boolean retained) throws MqttException {
        publish(topic, text.getBytes(StandardCharsets.UTF_8), retained);
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message);
    }

    /** The next message received within the timeout, or null. */
    public Received next(long timeout, TimeUnit unit) throws InterruptedException {
        return received.poll(timeout, unit);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Why the broker dropped the connection, if it did. */
    public Throwable lost() {
        return lost;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1000);
        }
        client.close(true);
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained()));
            }

            @Override
            public void connectionLost(Throwable cause) {
                lost = cause;
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publish() blocks until the acknowledgement: nothing to do
            }
        };
    }
}

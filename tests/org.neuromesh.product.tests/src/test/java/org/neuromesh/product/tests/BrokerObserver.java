package org.neuromesh.product.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * A client subscribed to {@code #} that records every message crossing the broker (topic and payload), as an
 * eavesdropper with full read access would; it can also publish anything anywhere.
 */
final class BrokerObserver implements AutoCloseable {

    /** One message seen on the broker. */
    record Seen(String topic, byte[] payload) {
    }

    private final MqttClient client;
    private final List<Seen> seen = new ArrayList<>();

    private BrokerObserver(MqttClient client) {
        this.client = client;
    }

    static BrokerObserver connect(MosquittoBroker broker) throws MqttException {
        MqttClient client = new MqttClient(broker.plainUri(), "observer-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(MosquittoBroker.OBSERVER);
        options.setPassword(MosquittoBroker.OBSERVER_PASSWORD.toCharArray());
        options.setAutomaticReconnect(true);
        options.setMaxInflight(1000);
        client.connect(options);
        BrokerObserver observer = new BrokerObserver(client);
        client.subscribe("#", 1, (topic, message) -> observer.record(topic, message.getPayload()));
        return observer;
    }

    private synchronized void record(String topic, byte[] payload) {
        seen.add(new Seen(topic, payload.clone()));
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Every topic and payload seen so far, back to back: what a search for leaked bytes looks through. */
    synchronized byte[] everyByte() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Seen message : seen) {
            all.writeBytes(message.topic().getBytes(StandardCharsets.UTF_8));
            all.writeBytes(message.payload());
        }
        return all.toByteArray();
    }

    /** The whole peer id whose short form is {@code shortId}, from the presence topics seen. */
    String fullId(String shortId) {
        String marker = "/presence/" + shortId;
        return seen().stream().map(Seen::topic).filter(topic -> topic.contains(marker)).findFirst()
                .map(topic -> topic.substring(topic.lastIndexOf('/') + 1))
                .orElseThrow(() -> new AssertionError("no presence of " + shortId + " seen"));
    }

    /** The payload of the last message seen on {@code topic}. */
    byte[] lastPayloadOn(String topic) {
        List<Seen> all = seen();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).topic().equals(topic)) {
                return all.get(i).payload().clone();
            }
        }
        throw new AssertionError("nothing seen on " + topic);
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}

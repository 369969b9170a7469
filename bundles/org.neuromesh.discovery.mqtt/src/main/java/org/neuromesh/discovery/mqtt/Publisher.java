package org.neuromesh.discovery.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Publishes one MQTT message (no outbox): announcements, heartbeats, pings. */
@FunctionalInterface
interface Publisher {
    IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException;
}

/**
 * Peer discovery and messaging over MQTT: {@link org.neuromesh.discovery.mqtt.MqttTransport} with its settings,
 * topic layout, outbox and rejection counters. Plain Java; the DS component lives in the internal package.
 *
 * <p>Package version 0.1.0.
 */
package org.neuromesh.discovery.mqtt;

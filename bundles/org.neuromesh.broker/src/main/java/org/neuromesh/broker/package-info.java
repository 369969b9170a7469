/**
 * The embedded MQTT broker: {@link org.neuromesh.broker.EmbeddedBroker} runs Moquette inside this JVM so that
 * peers on one machine can talk with no broker installed. The server starts it through Config Admin (pid
 * {@code org.neuromesh.broker}) whenever the MQTT transport is not pointed at another broker.
 */
package org.neuromesh.broker;

/**
 * The network views: the Peers table, the Dashboard and the status line's connection state. Each follows the same
 * pattern, meant to be copied by the views of later stages: the {@code PeerNetwork} service injected for the first
 * picture, {@code PeerNetwork.TOPIC_CHANGED} received with {@code @UIEventTopic} for every later one, and a view
 * model of {@code org.neuromesh.ui.model} that turns the status into texts; the part only draws them.
 */
package org.neuromesh.ui.network;

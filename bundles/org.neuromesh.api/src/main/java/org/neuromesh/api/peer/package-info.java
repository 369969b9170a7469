/**
 * Peers: who is out there ({@link org.neuromesh.api.peer.PeerDiscovery}) and how to reach them
 * ({@link org.neuromesh.api.peer.PeerMessaging}).
 *
 * <p>Only {@link org.neuromesh.api.peer.Outbound} messages can be sent, and that type is sealed: a sealed capsule,
 * a signed control message or a signed audit record. Raw samples, documents or unsealed capsules cannot be
 * handed to a transport at all.
 *
 * <p>Package version 1.1.0 (1.1: {@link org.neuromesh.api.peer.TransportState}, {@code PeerMessaging.state()}).
 */
package org.neuromesh.api.peer;

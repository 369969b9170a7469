/**
 * The peer's network as views and commands see it: this peer, its connection, the peers it knows, credits,
 * refusals and traffic, in one {@link org.neuromesh.api.network.NetworkStatus}; and the EventAdmin topics on which
 * the running peer tells that it changed; and {@link org.neuromesh.api.network.PeerActions}, what a user does with
 * other peers (sessions, borrowing, sharing, signals), with session progress on its own topic.
 *
 * <p>Package version 1.1.0 (1.1 added {@code PeerActions} and its records). Minor versions add types, or methods
 * to {@code @ProviderType} interfaces, only.
 */
package org.neuromesh.api.network;

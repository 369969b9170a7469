/**
 * The peer's network as views and commands see it: this peer, its connection, the peers it knows, credits,
 * refusals and traffic, in one {@link org.neuromesh.api.network.NetworkStatus}; the EventAdmin topics on which the
 * running peer tells that it changed, and the messages that passed ({@link org.neuromesh.api.network.MessageFlows});
 * {@link org.neuromesh.api.network.PeerActions}, what a user does with other peers (sessions, borrowing, sharing,
 * signals), with session progress on its own topic; {@link org.neuromesh.api.network.BrokerConnection}, which
 * broker the peer uses; and {@link org.neuromesh.api.network.LocalPeers}, peers started on this machine (the
 * guided demo).
 *
 * <p>Package version 1.2.0 (1.1 added the message flows, {@code PeerActions} and its records,
 * {@code BrokerConnection} and {@code BrokerAddress}; 1.2 {@code LocalPeers} and its records, {@code BrokerFiles}
 * and the {@code BrokerConnection} method that takes them). Minor versions add types, or methods to
 * {@code @ProviderType} interfaces, only.
 */
package org.neuromesh.api.network;

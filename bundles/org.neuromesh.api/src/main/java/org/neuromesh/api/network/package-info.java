/**
 * The peer's network as views and commands see it: this peer, its connection, the peers it knows, credits,
 * refusals and traffic, in one {@link org.neuromesh.api.network.NetworkStatus}; the EventAdmin topics on which the
 * running peer tells that it changed, and the messages that passed
 * ({@link org.neuromesh.api.network.MessageFlows}).
 *
 * <p>Package version 1.1.0 (1.1 added the message flows, {@link org.neuromesh.api.network.BrokerConnection} and
 * {@link org.neuromesh.api.network.BrokerAddress}). Minor versions add types, or methods to {@code @ProviderType}
 * interfaces only.
 */
package org.neuromesh.api.network;

package org.neuromesh.api.network;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running peer's network, for views and commands: registered by the peer runtime once it runs. It also posts
 * {@link #TOPIC_CHANGED} through EventAdmin whenever what {@link #status()} returns changed (at most a few times a
 * second), so that a view refreshes on the event rather than polling; and {@link #TOPIC_MESSAGES}
 * with the messages that passed, for views that show them move.
 */
@ProviderType
public interface PeerNetwork {

    /** All topics of this package start with this. */
    String TOPIC_BASE = "org/neuromesh/network/";
    /** Posted when peers, connection, credits, refusals or traffic changed; property {@link #STATUS} holds it. */
    String TOPIC_CHANGED = TOPIC_BASE + "CHANGED";
    /** Event property: the {@link NetworkStatus} at the time of the event. */
    String STATUS = "status";
    /**
     * Posted a few times a second while messages pass; property {@link #FLOWS} holds the {@link MessageFlows} since
     * the last one. Since 1.1.
     */
    String TOPIC_MESSAGES = TOPIC_BASE + "MESSAGES";
    /** Event property: the {@link MessageFlows} of a {@link #TOPIC_MESSAGES} event. Since 1.1. */
    String FLOWS = "flows";

    /** What this peer knows of its network now. */
    NetworkStatus status();
}

package org.neuromesh.api.network;

import java.util.List;

/**
 * The messages that passed since the last {@link PeerNetwork#TOPIC_MESSAGES} event, oldest first. A peer tells at
 * most a bounded number per event, however many arrive (a flood must not flood the views); {@code notShown} counts
 * the rest.
 */
public record MessageFlows(List<MessageFlow> shown, long notShown) {

    public MessageFlows {
        shown = List.copyOf(shown);
        if (notShown < 0) {
            throw new IllegalArgumentException("notShown must be >= 0, got " + notShown);
        }
    }
}

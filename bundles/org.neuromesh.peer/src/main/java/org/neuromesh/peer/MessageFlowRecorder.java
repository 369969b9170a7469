package org.neuromesh.peer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.network.MessageFlow;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.peer.PeerId;

/**
 * The messages that passed one way since the last {@link #drain()}, for views that show them move. Keeps at most
 * {@link #KEPT} between two drains and counts the rest: a flood from one peer costs a count, not memory.
 * Thread-safe.
 */
public final class MessageFlowRecorder {

    /** Messages kept between two drains (a few times a second); more are only counted. */
    static final int KEPT = 64;

    private final Clock clock;
    private final List<MessageFlow> kept = new ArrayList<>();
    private long notKept;

    public MessageFlowRecorder(Clock clock) {
        this.clock = clock;
    }

    void record(boolean outgoing, PeerId peer, String kind, long bytes) {
        synchronized (kept) {
            if (kept.size() < KEPT) {
                kept.add(new MessageFlow(clock.instant(), outgoing, peer, kind, bytes));
            } else {
                notKept++;
            }
        }
    }

    /** What passed since the last drain, and forgets it. */
    public MessageFlows drain() {
        synchronized (kept) {
            MessageFlows flows = new MessageFlows(kept, notKept);
            kept.clear();
            notKept = 0;
            return flows;
        }
    }

    /** Both ways as one, oldest first. */
    public static MessageFlows merge(MessageFlows a, MessageFlows b) {
        List<MessageFlow> all = new ArrayList<>(a.shown());
        all.addAll(b.shown());
        all.sort((x, y) -> x.at().compareTo(y.at()));
        return new MessageFlows(all, a.notShown() + b.notShown());
    }
}

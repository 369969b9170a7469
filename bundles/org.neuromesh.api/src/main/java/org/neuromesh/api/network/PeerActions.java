package org.neuromesh.api.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a user does with other peers, for views and commands: registered by the peer runtime once it runs. Every
 * method returns at once; the work goes on on the runtime's threads and the returned stage completes with the
 * outcome, or exceptionally with a {@link PeerActionException} whose message says why (peer unknown or gone, no
 * acceptable offer, nothing sent ...).
 *
 * <p>Members of a session are not invited: a peer joins every proposed session on a data set it holds (unless its
 * runtime is configured not to), so there is no join or accept action; the proposer waits for as many members as it
 * asked for. Progress of the sessions this peer proposed is posted on {@link #TOPIC_SESSION} whenever it changed.
 *
 * @since 1.1
 */
@ProviderType
public interface PeerActions {

    /** Posted when a session this peer proposed changed; property {@link #SESSION} holds its progress. */
    String TOPIC_SESSION = PeerNetwork.TOPIC_BASE + "SESSION";
    /** Event property: the {@link SessionProgress} at the time of the event. */
    String SESSION = "session";

    /**
     * Proposes a collaborative session that this peer aggregates; it starts when {@code members} peers joined.
     *
     * @param participate whether this peer trains as a member too (then it counts as one of {@code members})
     * @return completes with the session's first progress once proposed; exceptionally if the plan is refused
     *         (e.g. the id is taken) or the proposal cannot be sent
     */
    CompletionStage<SessionProgress> startSession(SessionPlan plan, int members, boolean participate);

    /** Where a session this peer knows stands now. */
    Optional<SessionProgress> session(String sessionId);

    /** Every session this peer knows now (the runtime keeps a bounded number of ended ones), in no order. */
    List<SessionProgress> sessions();

    /**
     * Borrows trained nodes for {@code classes} from one peer, paying at most {@code maxCredits}.
     *
     * @return completes once the nodes are grafted into this peer's own model; exceptionally if the peer is not
     *         known (or has gone), offers nothing acceptable in time, or the nodes cannot be grafted
     */
    CompletionStage<BorrowOutcome> borrow(PeerId from, Set<Integer> classes, int nodes, long maxCredits);

    /**
     * Seals a shareable memory capsule of {@code kind} holding {@code text} to one peer only.
     *
     * @return completes with the sealed size in bytes once handed to the transport
     */
    CompletionStage<Long> share(PeerId with, String kind, String text, Set<String> tags);

    /**
     * Sends a signed error (value &gt; 0) or reward (value &lt; 0) signal to one peer.
     *
     * @param urgency 0..1
     * @param topic what it is about: {@code all}, a data set such as {@code mnist}, or below one
     * @return completes once handed to the transport
     */
    CompletionStage<Void> signal(PeerId to, double value, double urgency, String topic);
}

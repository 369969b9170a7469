package org.neuromesh.peer;

import java.util.List;

import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.security.RejectionCounts;

/** One running peer, as shell commands, the workbench and the demo see it. */
public interface PeerRuntime {

    /** This peer's id. */
    PeerId self();

    /** The peers discovery currently knows. */
    List<PeerInfo> peers();

    /** Collaborative sessions: propose, follow. */
    Sessions sessions();

    /** Node borrowing, the borrower's side: borrow nodes from other peers, return them. */
    Borrowing borrowing();

    /** Node lending, the lender's side: what borrowers returned. */
    Lending lending();

    /** The loans this peer lent or borrowed. */
    Loans loans();

    /** Error signals: broadcast one, follow other peers'. */
    Signals signals();

    /** Memory sharing: share a capsule with one peer; capsules shared with this one. */
    Sharing sharing();

    /** Credits this peer earned from and paid to other peers. */
    CreditBook credits();

    /** Inbound messages refused by verification, by reason. */
    RejectionCounts rejections();

    /** Capsules sent and opened since this peer started. */
    Traffic traffic();

    /** The messages sent and verified since the last call, oldest first, bounded (see {@link MessageFlowRecorder}). */
    MessageFlows drainFlows();
}

package org.neuromesh.peer;

import java.util.List;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;

/** One running peer, as shell commands, the workbench and the demo see it. */
public interface PeerRuntime {

    /** This peer's id. */
    PeerId self();

    /** The peers discovery currently knows. */
    List<PeerInfo> peers();

    /** Collaborative sessions: propose, follow. */
    Sessions sessions();

    /** Inbound messages refused by verification, by reason. */
    RejectionTally rejections();
}

package org.neuromesh.ui.peers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.ui.model.ActionArguments;

/** Share capsule...: a shareable memory (a text) sealed to each selected peer only. */
public class ShareCapsuleHandler extends PeerActionHandler {

    @Override
    String name() {
        return "Share capsule";
    }

    @Override
    String explanation() {
        return "Seal a shareable memory capsule (a text) to the peers named, each one only; nothing private is sent.";
    }

    @Override
    Map<String, String> defaults(String selected) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("peer", selected);
        defaults.put("kind", "memory");
        defaults.put("tags", "");
        defaults.put("text", "");
        return defaults;
    }

    @Override
    CompletionStage<String> start(PeerActions actions, NetworkStatus status, ActionArguments arguments,
            EPartService parts) {
        List<PeerId> peers = peers(status, arguments);
        String text = arguments.text("text").orElseThrow(() -> new IllegalArgumentException(
                "give the text to share (text=...)"));
        CompletableFuture<Long> all = CompletableFuture.completedFuture(0L);
        for (PeerId peer : peers) {
            CompletionStage<Long> one = actions.share(peer, arguments.text("kind", "memory"), text,
                    arguments.words("tags"));
            all = all.thenCombine(one, Long::sum);
        }
        return all.thenApply(bytes -> "Shared a capsule with " + names(peers) + ": " + bytes + " bytes sealed");
    }

    static String names(List<PeerId> peers) {
        return String.join(", ", peers.stream().map(PeerId::shortForm).toList());
    }
}

package org.neuromesh.ui.peers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.ui.model.ActionArguments;

/** Send error signal...: a signed error (value > 0) or reward (value < 0) signal to each selected peer. */
public class SendSignalHandler extends PeerActionHandler {

    @Override
    String name() {
        return "Send error signal";
    }

    @Override
    String explanation() {
        return "Send an error (value > 0) or reward (value < 0) signal to the peers named; peers whose data the topic"
                + " names (all, mnist, ...) learn more from their errors after an error, less after a reward.";
    }

    @Override
    Map<String, String> defaults(String selected) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("peer", selected);
        defaults.put("value", "0.5");
        defaults.put("urgency", "0.5");
        defaults.put("topic", "all");
        return defaults;
    }

    @Override
    CompletionStage<String> start(PeerActions actions, NetworkStatus status, ActionArguments arguments,
            EPartService parts) {
        List<PeerId> peers = peers(status, arguments);
        double value = arguments.number("value", 0.5, -1e6, 1e6);
        double urgency = arguments.number("urgency", 0.5, 0, 1);
        String topic = arguments.text("topic", "all");
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (PeerId peer : peers) {
            all = all.thenCombine(actions.signal(peer, value, urgency, topic), (a, b) -> null);
        }
        return all.thenApply(done -> String.format(Locale.ROOT, "Sent signal %.4f (urgency %.2f, topic %s) to %s",
                value, urgency, topic, ShareCapsuleHandler.names(peers)));
    }
}

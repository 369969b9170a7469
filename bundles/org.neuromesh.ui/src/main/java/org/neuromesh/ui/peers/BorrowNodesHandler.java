package org.neuromesh.ui.peers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.ui.model.ActionArguments;

/** Borrow nodes...: trained nodes for some classes from one peer, for credits, grafted into this peer's model. */
public class BorrowNodesHandler extends PeerActionHandler {

    @Override
    String name() {
        return "Borrow nodes";
    }

    @Override
    String explanation() {
        return "Borrow trained nodes for some classes (digits) from one peer, paying at most the credits given; they"
                + " are grafted into this peer's own model.";
    }

    @Override
    Map<String, String> defaults(String selected) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("peer", selected);
        defaults.put("classes", "5,6,7,8,9");
        defaults.put("nodes", "32");
        defaults.put("credits", "100");
        return defaults;
    }

    @Override
    CompletionStage<String> start(PeerActions actions, NetworkStatus status, ActionArguments arguments,
            EPartService parts) {
        List<PeerId> peers = peers(status, arguments);
        if (peers.size() != 1) {
            throw new IllegalArgumentException("borrow from one peer at a time, not " + peers.size());
        }
        List<Integer> classes = arguments.integers("classes", List.of(), 0, 65_535);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("name the classes to borrow nodes for, e.g. classes=5,6,7");
        }
        int nodes = (int) arguments.integer("nodes", 32, 1, 65_536);
        long credits = arguments.integer("credits", 100, 0, Integer.MAX_VALUE);
        return actions.borrow(peers.get(0), new TreeSet<>(classes), nodes, credits).thenApply(b -> String.format(
                Locale.ROOT, "Borrowed %d nodes from %s for %d credits: accuracy on classes %s %.2f%% before,"
                        + " %.2f%% after", b.nodes(), b.owner().shortForm(), b.price(), new TreeSet<>(b.classes()),
                100 * b.accuracyBefore(), 100 * b.accuracyAfter()));
    }
}

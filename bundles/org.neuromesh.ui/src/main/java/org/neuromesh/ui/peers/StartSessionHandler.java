package org.neuromesh.ui.peers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.ui.model.ActionArguments;

/**
 * Start session...: proposes a collaborative session that this peer aggregates and shows the Session view. Peers
 * are not invited: every peer holding the data set joins, and the session starts once {@code members} joined.
 */
public class StartSessionHandler extends PeerActionHandler {

    @Override
    String name() {
        return "Start session";
    }

    @Override
    String explanation() {
        return "Propose a collaborative session that this peer aggregates. Peers holding the data set join by"
                + " themselves; it starts once 'members' joined (this peer counts if it takes part).";
    }

    @Override
    Map<String, String> defaults(String selected) {
        int others = selected.isBlank() ? 1 : selected.split(",").length;
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("members", Integer.toString(others + 1));
        defaults.put("rounds", "3");
        defaults.put("steps", "4");
        defaults.put("batch", "64");
        defaults.put("hidden", "32");
        defaults.put("rule", "eligibility");
        defaults.put("dataset", "mnist");
        defaults.put("deadline", "60");
        defaults.put("participate", "true");
        return defaults;
    }

    @Override
    CompletionStage<String> start(PeerActions actions, NetworkStatus status, ActionArguments arguments,
            EPartService parts) {
        String id = arguments.text("id", "session-" + UUID.randomUUID().toString().substring(0, 8));
        SessionPlan plan = new SessionPlan(id, arguments.text("dataset", "mnist"), arguments.text("rule",
                "eligibility"), arguments.integers("hidden", List.of(32), 1, 65_536),
                (int) arguments.integer("rounds", 3, 1, 100_000), (int) arguments.integer("steps", 4, 1, 1_000_000),
                (int) arguments.integer("batch", 64, 1, 65_536), arguments.integer("seed", 7, 0, Integer.MAX_VALUE),
                arguments.number("quorum", 0.75, 0.01, 1),
                Duration.ofSeconds(arguments.integer("deadline", 60, 1, 86_400)));
        int members = (int) arguments.integer("members", 2, 1, 1024);
        boolean participate = arguments.flag("participate", true);
        parts.showPart(SessionPart.ID, EPartService.PartState.VISIBLE);
        return actions.startSession(plan, members, participate).thenApply(progress -> "Session " + id
                + " proposed: waiting for " + members + " members (" + (participate ? "this peer takes part" :
                        "this peer only aggregates") + ")");
    }
}

package org.neuromesh.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.neuromesh.api.federation.SessionPlan;

/**
 * The options of {@code neuromesh:session start}.
 *
 * @param plan the session's plan
 * @param members members to wait for before round 1
 * @param participate whether this peer trains as a member too
 * @param waitForEnd whether the command follows the session to its end, printing progress and the results
 * @param reference whether to train the centralised reference on this peer's data for comparison
 */
public record SessionArguments(SessionPlan plan, int members, boolean participate, boolean waitForEnd,
        boolean reference) {

    public static final String USAGE = String.join("\n",
            "usage: session start [--id ID] [--members N] [--rounds N] [--steps N] [--batch N] [--hidden N[,N..]]",
            "                     [--rule NAME] [--dataset mnist|fashion-mnist] [--seed N] [--quorum F]",
            "                     [--deadline SECONDS] [--participate] [--wait] [--reference]",
            "       session status [ID]",
            "  Proposes a collaborative session that this peer aggregates; it starts when --members peers joined",
            "  (peers join sessions on a data set they hold). --wait follows it to the end and prints, per member,",
            "  the accuracy alone and after the session; --reference also trains the same network centrally on this",
            "  peer's data for as many samples as the whole session saw. Defaults: 8 members, 60 rounds of 20",
            "  batches of 128, --hidden 256, the eligibility rule, mnist, quorum 0.75, 120 s deadline.");

    public static SessionArguments parse(String... args) {
        Options o = Options.parse(args, Set.of("--participate", "--wait", "--reference"),
                Set.of("--id", "--members", "--rounds", "--steps", "--batch", "--hidden", "--rule", "--dataset",
                        "--seed", "--quorum", "--deadline"));
        String id = o.text("--id", "session-" + UUID.randomUUID().toString().substring(0, 8));
        SessionPlan plan = new SessionPlan(id, o.text("--dataset", "mnist"), o.text("--rule", "eligibility"),
                o.widths("--hidden", List.of(256)), o.integer("--rounds", 60, 1, 100_000),
                o.integer("--steps", 20, 1, 1_000_000), o.integer("--batch", 128, 1, 65_536),
                o.integer("--seed", 7, 0, Integer.MAX_VALUE), o.number("--quorum", 0.75, 0.01, 1),
                Duration.ofSeconds(o.integer("--deadline", 120, 1, 86_400)));
        return new SessionArguments(plan, o.integer("--members", 8, 1, 1024), o.flag("--participate"),
                o.flag("--wait"), o.flag("--reference"));
    }
}

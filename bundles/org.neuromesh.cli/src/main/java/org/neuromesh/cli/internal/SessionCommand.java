package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.cli.SessionArguments;
import org.neuromesh.cli.SessionReport;
import org.neuromesh.peer.PeerRuntime;
import org.neuromesh.peer.SessionStatus;
import org.neuromesh.peer.SessionStatus.RoundSummary;
import org.neuromesh.peer.SessionStatus.State;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:session start ...} proposes a collaborative session (see {@link SessionArguments#USAGE});
 * {@code neuromesh:session status [ID]} shows where sessions stand. With {@code --wait} the command follows the
 * session, one line per round, and prints the results table at the end.
 */
@Component(service = SessionCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=session" })
public class SessionCommand {

    private static final long POLL_MILLIS = 500;

    private final PeerRuntime runtime;
    private final FederatedModel model;

    @Activate
    public SessionCommand(@Reference PeerRuntime runtime, @Reference FederatedModel model) {
        this.runtime = runtime;
        this.model = model;
    }

    public void session(String... args) throws InterruptedException {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("--help")) {
            out.println(SessionArguments.USAGE);
            return;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "start" -> start(SessionArguments.parse(rest), out);
                case "status" -> status(rest, out);
                default -> throw new IllegalArgumentException("unknown session command '" + args[0] + "'");
            }
        } catch (IllegalArgumentException | IOException e) {
            out.println("session failed: " + e.getMessage());
        }
    }

    private void start(SessionArguments arguments, PrintStream out) throws IOException, InterruptedException {
        SessionPlan plan = arguments.plan();
        long started = System.nanoTime();
        runtime.sessions().propose(plan, arguments.members(), arguments.participate());
        out.println("session " + plan.sessionId() + " proposed by " + runtime.self().shortForm() + "; waiting for "
                + arguments.members() + " members");
        if (!arguments.waitForEnd()) {
            return;
        }
        SessionStatus status = follow(plan.sessionId(), out);
        double wall = (System.nanoTime() - started) / 1e9;
        if (status.state() == State.FAILED) {
            out.println("session failed: " + status.failure());
            return;
        }
        double reference = Double.NaN;
        if (arguments.reference()) {
            out.println("training the centralised reference ...");
            // as many samples as all members together saw: the plan's batches times the members
            SessionPlan all = new SessionPlan(plan.sessionId(), plan.dataset(), plan.rule(), plan.hidden(),
                    plan.rounds() * arguments.members(), plan.localSteps(), plan.batchSize(), plan.seed(),
                    plan.quorum(), plan.roundDeadline());
            reference = model.evaluate(plan, model.trainAlone(all, Integer.MAX_VALUE, () -> false)).accuracy();
        }
        out.print(SessionReport.table(status, reference, wall));
    }

    /** Prints each newly closed round until the session ends and every member reported (or 60 s passed). */
    private SessionStatus follow(String sessionId, PrintStream out) throws InterruptedException {
        Set<Integer> printed = new HashSet<>();
        long endedAt = 0;
        while (true) {
            SessionStatus status = runtime.sessions().status(sessionId).orElseThrow();
            for (RoundSummary round : status.rounds()) {
                if (printed.add(round.round())) {
                    out.println(SessionReport.roundLine(status, round));
                }
            }
            if (status.state() == State.FAILED) {
                return status;
            }
            if (status.state() == State.DONE) {
                endedAt = endedAt == 0 ? System.nanoTime() : endedAt;
                boolean allReported = status.reports().size() >= status.members();
                if (allReported || System.nanoTime() - endedAt > 60_000_000_000L) {
                    return status;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void status(String[] args, PrintStream out) {
        for (SessionStatus s : runtime.sessions().all()) {
            if (args.length > 0 && !s.plan().sessionId().equals(args[0])) {
                continue;
            }
            out.printf("%s: %s, %s, round %d/%d, %d members, accuracy %.2f%%%s%n", s.plan().sessionId(),
                    s.aggregating() ? "aggregating" : "member", s.state().name().toLowerCase(), s.round(),
                    s.plan().rounds(), s.members(), 100 * s.accuracy(),
                    s.failure().isEmpty() ? "" : " (" + s.failure() + ")");
        }
    }
}

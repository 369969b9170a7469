package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.cli.Options;
import org.neuromesh.cli.PeerLookup;
import org.neuromesh.peer.BorrowResult;
import org.neuromesh.peer.Loan;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:borrow}: trains this peer's own model (what it lends from and grafts into), borrows trained nodes
 * for classes from other peers for credits, lists loans and returns borrowed nodes' state to their owner.
 */
@Component(service = BorrowCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=borrow" })
public class BorrowCommand {

    static final String USAGE = String.join("\n",
            "usage: borrow --classes 5,6,7 [--nodes N] [--credits N] [--from PEER] [--wait SECONDS]",
            "       borrow train-own [--rule NAME] [--hidden N] [--epochs N] [--seed N]",
            "       borrow loans",
            "       borrow return PACKET",
            "  Asks every peer (or --from that one only) for trained nodes serving the classes (default 64 nodes, at most 100 credits), grafts",
            "  the best offer into this peer's own model and prints its accuracy on those classes before and after.",
            "  train-own trains the own model on local data first (default eligibility, 256 hidden, 3 epochs).");

    private final PeerRuntime runtime;
    private final NodeLending lending;

    @Activate
    public BorrowCommand(@Reference PeerRuntime runtime, @Reference NodeLending lending) {
        this.runtime = runtime;
        this.lending = lending;
    }

    public void borrow(String... args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        String first = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            switch (first) {
                case "--help" -> out.println(USAGE);
                case "loans" -> loans(out);
                case "return" -> giveBack(rest, out);
                case "train-own" -> trainOwn(rest, out);
                default -> borrowNodes(args, out);
            }
        } catch (IllegalArgumentException e) {
            out.println("borrow failed: " + e.getMessage());
            out.println(USAGE);
        }
    }

    private void borrowNodes(String[] args, PrintStream out) throws InterruptedException {
        Options o = Options.parse(args, Set.of(), Set.of("--classes", "--nodes", "--credits", "--from", "--wait"));
        Set<Integer> classes = new TreeSet<>(o.widths("--classes", List.of()));
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("--classes is needed, e.g. --classes 5,6,7,8,9");
        }
        int nodes = o.integer("--nodes", 64, 1, 65_536);
        long credits = o.integer("--credits", 100, 0, Integer.MAX_VALUE);
        int waitSeconds = o.integer("--wait", 120, 1, 86_400);
        // --from asks that peer only (by id, id start or name), as the workbench's Borrow nodes does
        PeerId from = o.flag("--from") ? PeerLookup.find(o.text("--from", ""), runtime.peers()) : null;
        out.printf(Locale.ROOT, "asking for %d nodes for classes %s, offering at most %d credits ...%n", nodes, classes, credits);
        try {
            BorrowResult r = runtime.borrowing().borrow(classes, nodes, credits, from).get(waitSeconds,
                    TimeUnit.SECONDS);
            out.printf(Locale.ROOT, "borrowed %d nodes (packet %s) from %s for %d credits%n", r.nodes(), r.packetId(),
                    r.owner().shortForm(), r.price());
            out.printf(Locale.ROOT, "accuracy on classes %s: %.2f%% before, %.2f%% after; on all local test data %.2f%% before,"
                    + " %.2f%% after%n", r.classes(), 100 * r.accuracyBefore(), 100 * r.accuracyAfter(),
                    100 * r.overallBefore(), 100 * r.overallAfter());
        } catch (ExecutionException e) {
            out.println("borrow failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            out.println("borrow failed: no loan within " + waitSeconds + " s");
        }
    }

    private void loans(PrintStream out) {
        List<Loan> loans = runtime.loans().all();
        for (Loan loan : loans) {
            boolean borrowed = loan.borrower().equals(runtime.self());
            out.printf(Locale.ROOT, "%s  %s %s  classes %s  %d nodes  %d credits  %s%n", loan.packetId(),
                    borrowed ? "borrowed from" : "lent to",
                    (borrowed ? loan.owner() : loan.borrower()).shortForm(), loan.classes(), loan.nodes(),
                    loan.price(), loan.returned().map(at -> "returned " + at).orElse("on loan"));
        }
        out.println(loans.size() + " loans");
    }

    private void giveBack(String[] args, PrintStream out) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("name the packet to return: borrow return PACKET");
        }
        Loan loan = runtime.borrowing().returnNodes(args[0]);
        out.println("returned the state of " + loan.packetId() + " to " + loan.owner().shortForm());
    }

    private void trainOwn(String[] args, PrintStream out) throws IOException {
        Options o = Options.parse(args, Set.of(), Set.of("--rule", "--hidden", "--epochs", "--seed"));
        String rule = o.text("--rule", "eligibility");
        int epochs = o.integer("--epochs", 3, 1, 1000);
        out.printf(Locale.ROOT, "training the own model with rule '%s' for %d epochs on local data ...%n", rule, epochs);
        Evaluation evaluation = lending.trainOwn(rule, o.widths("--hidden", List.of(256)), epochs,
                o.integer("--seed", 1, 0, Integer.MAX_VALUE), () -> false);
        out.printf(Locale.ROOT, "own model: %.2f%% on local test data%n", 100 * evaluation.accuracy());
    }
}

package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.LocalPeers;
import org.neuromesh.cli.Options;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:local}: headless peers on this machine, started from this installation and joined to this peer's
 * broker (what the workbench's guided demo starts), listed, and stopped.
 */
@Component(service = LocalPeersCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=local" })
public class LocalPeersCommand {

    static final String USAGE = String.join("\n",
            "usage: local start NAME [--dataset mnist|fashion-mnist] [--classes 0,1,2] [--hidden 64] [--epochs 1]",
            "                        [--no-model]",
            "       local list",
            "       local stop",
            "  start runs a headless peer named NAME on this machine from this installation, in a folder of",
            "  its own under ${neuromesh.home}/local-peers, on this peer's broker (the embedded one, or another",
            "  on this machine), holding the classes given (default: all); it trains an own model first",
            "  (default 64 hidden, 1 epoch) unless --no-model, and is ready then. stop stops every local peer",
            "  and deletes their folders; they stop with this peer too.");

    private final LocalPeers localPeers;

    @Activate
    public LocalPeersCommand(@Reference LocalPeers localPeers) {
        this.localPeers = localPeers;
    }

    public void local(String... args) throws InterruptedException {
        PrintStream out = System.out;
        String action = args.length == 0 ? "--help" : args[0];
        switch (action) {
            case "start" -> start(args, out);
            case "list" -> list(out);
            case "stop" -> {
                int count = localPeers.running().size();
                localPeers.stopAll();
                out.println(count + " local peers stopped, their folders deleted");
            }
            default -> out.println(USAGE);
        }
    }

    private void start(String[] args, PrintStream out) throws InterruptedException {
        LocalPeerPlan plan;
        try {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new IllegalArgumentException("name the peer, e.g. local start demo-peer-1");
            }
            Options o = Options.parse(java.util.Arrays.copyOfRange(args, 2, args.length), Set.of("--no-model"),
                    Set.of("--dataset", "--classes", "--hidden", "--epochs"));
            Set<Integer> classes = new TreeSet<>(o.widths("--classes", List.of()));
            List<Integer> hidden = o.flag("--no-model") ? List.of() : o.widths("--hidden", List.of(64));
            plan = new LocalPeerPlan(args[1], o.text("--dataset", "mnist"), classes, hidden, o.integer("--epochs", 1,
                    1, 1000));
        } catch (IllegalArgumentException e) {
            out.println("local failed: " + e.getMessage());
            out.println(USAGE);
            return;
        }
        out.println("starting " + plan.name() + " ...");
        try {
            LocalPeer peer = localPeers.start(plan).toCompletableFuture().get();
            out.println(describe(peer));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            out.println("local failed: " + cause.getMessage());
        }
    }

    private void list(PrintStream out) {
        List<LocalPeer> running = localPeers.running();
        running.forEach(peer -> out.println(describe(peer)));
        out.println(running.size() + " local peers");
    }

    private static String describe(LocalPeer peer) {
        String model = Double.isNaN(peer.ownModelAccuracy()) ? "no own model" : String.format(Locale.ROOT,
                "own model %.2f%% on its test data", 100 * peer.ownModelAccuracy());
        return String.format(Locale.ROOT, "%s  process %d  %s %s  %s  %s", peer.name(), peer.pid(),
                peer.plan().dataset(), peer.plan().classes().isEmpty() ? "all classes" : peer.plan().classes(), model,
                peer.folder());
    }
}

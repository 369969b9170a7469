package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.cli.Options;
import org.neuromesh.cli.PeerLookup;
import org.neuromesh.peer.ErrorSignal;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:signal --value F [--urgency F] [--topic T] [--to PEER]} sends an error or reward signal to every
 * peer, or to one (their learners take it as a modulatory input); {@code neuromesh:signal list} shows the latest ones received.
 */
@Component(service = SignalCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=signal" })
public class SignalCommand {

    static final String USAGE = String.join("\n",
            "usage: signal --value F [--urgency F] [--topic TEXT] [--to PEER]",
            "       signal list",
            "  Broadcasts an error (value > 0) or reward (value < 0) signal to every peer (value -1e6..1e6, urgency",
            "  0..1, default 0.5); peers whose data the topic names (default 'all'; a data set such as 'mnist', or",
            "  'mnist/...') learn more from their errors after an error, less after a reward, fading with a 30 s",
            "  half-life. --to sends it to that peer only. list shows the latest signals this peer received.");

    private final PeerRuntime runtime;

    @Activate
    public SignalCommand(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
    }

    public void signal(String... args) throws IOException {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("list")) {
            List<ErrorSignal> latest = runtime.signals().latest();
            for (ErrorSignal s : latest) {
                out.printf(Locale.ROOT, "%s  value %.4f  urgency %.2f  %s  %s%n", s.sender().shortForm(), s.value(),
                        s.urgency(), s.topic(), s.receivedAt());
            }
            out.println(latest.size() + " signals received (the latest are kept)");
            return;
        }
        try {
            Options o = Options.parse(args, Set.of(), Set.of("--value", "--urgency", "--topic", "--to"));
            if (!o.flag("--value")) {
                throw new IllegalArgumentException("--value is needed");
            }
            double value = o.number("--value", 0, -1e6, 1e6);
            double urgency = o.number("--urgency", 0.5, 0, 1);
            PeerId to = o.flag("--to") ? PeerLookup.find(o.text("--to", ""), runtime.peers()) : null;
            runtime.signals().send(value, urgency, o.text("--topic", "all"), to);
            out.printf(Locale.ROOT, "signal %.4f (urgency %.2f) sent to %s%n", value, urgency,
                    to == null ? "every peer" : to.shortForm());
        } catch (IllegalArgumentException e) {
            out.println("signal failed: " + e.getMessage());
            out.println(USAGE);
        }
    }
}

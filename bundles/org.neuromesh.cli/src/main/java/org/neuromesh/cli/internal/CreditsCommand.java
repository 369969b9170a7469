package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.neuromesh.peer.CreditBook;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code neuromesh:credits}: this peer's credit balance with every peer it traded nodes with. */
@Component(service = CreditsCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=credits" })
public class CreditsCommand {

    private final PeerRuntime runtime;

    @Activate
    public CreditsCommand(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
    }

    public void credits() {
        PrintStream out = System.out;
        CreditBook book = runtime.credits();
        book.balances().forEach((peer, balance) -> out.printf(Locale.ROOT, "%s  %+d%n", peer.shortForm(), balance));
        out.printf(Locale.ROOT, "total %+d credits (%s)%n", book.total(), book.file());
    }
}

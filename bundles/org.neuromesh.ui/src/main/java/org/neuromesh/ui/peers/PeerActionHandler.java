package org.neuromesh.ui.peers;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.ui.model.ActionArguments;
import org.neuromesh.ui.network.PeersPart;

import jakarta.inject.Named;

/**
 * A Peers view action: takes its settings from the command parameter {@link #ARGUMENTS} ({@code key=value} words,
 * so that a test runs it without a dialog) or from a small dialog filled from the view's selection, hands the work
 * to {@link PeerActions} (which returns at once), and reports the outcome in the Peers view's status and the log.
 */
public abstract class PeerActionHandler {

    /** The command parameter holding the settings, e.g. {@code peer=server-peer nodes=32}. */
    public static final String ARGUMENTS = "org.neuromesh.ui.commandparameter.peeraction";

    private static final System.Logger LOG = System.getLogger(PeerActionHandler.class.getName());

    @Execute
    void execute(@Optional @Named(ARGUMENTS) String line, @Named("activeShell") Shell shell,
            EPartService parts, UISynchronize ui, @Optional @Service PeerActions actions,
            @Optional @Service PeerNetwork network) {
        PeersPart peers = peersPart(parts);
        if (actions == null || network == null) {
            report(peers, name() + " failed: the peer runtime is not running");
            return;
        }
        ActionArguments arguments;
        if (line != null) {
            arguments = ActionArguments.parse(line);
        } else {
            String selected = String.join(",", peers == null ? List.of() : peers.selectedPeerNames());
            ActionDialog dialog = new ActionDialog(shell, name(), explanation(), defaults(selected));
            if (dialog.open() != Window.OK) {
                return;
            }
            arguments = ActionArguments.of(dialog.values());
        }
        CompletionStage<String> outcome;
        try {
            outcome = start(actions, network.status(), arguments, parts);
        } catch (IllegalArgumentException e) {
            report(peers, name() + " failed: " + e.getMessage());
            return;
        }
        report(peers, name() + ": under way ...");
        outcome.whenComplete((done, failure) -> ui.asyncExec(() -> report(peersPart(parts), failure == null ? done
                : name() + " failed: " + reason(failure))));
    }

    /** The action's name, e.g. {@code Borrow nodes}. */
    abstract String name();

    /** A sentence or two for the dialog. */
    abstract String explanation();

    /** The dialog's fields with their starting values; {@code selected}: the selected peers' names. */
    abstract Map<String, String> defaults(String selected);

    /**
     * Starts the action; returns at once with what completes into the line to show.
     *
     * @throws IllegalArgumentException for settings that are wrong before anything is sent
     */
    abstract CompletionStage<String> start(PeerActions actions, NetworkStatus status, ActionArguments arguments,
            EPartService parts);

    /**
     * The peers named by {@code peer}: comma-separated display names, or starts of ids of at least 8 characters (the
     * short id), as the shell's commands take them.
     */
    static List<PeerId> peers(NetworkStatus status, ActionArguments arguments) {
        List<PeerId> found = new ArrayList<>();
        for (String name : arguments.words("peer")) {
            String wanted = name.toLowerCase(java.util.Locale.ROOT);
            List<PeerId> matches = status.peers().stream().filter(peer -> peer.displayName().toLowerCase(
                    java.util.Locale.ROOT).equals(wanted) || wanted.length() >= 8 && peer.id().value().startsWith(
                            wanted)).map(PeerInfo::id).toList();
            if (matches.size() > 1) {
                throw new IllegalArgumentException("several peers match '" + name + "': name one by its id");
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no peer '" + name + "' is known now (it has gone, or was never"
                        + " seen)");
            }
            found.add(matches.get(0));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("select a peer in the Peers view, or name one (peer=NAME)");
        }
        return found;
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage();
    }

    private static PeersPart peersPart(EPartService parts) {
        MPart part = parts.findPart(PeersPart.ID);
        return part != null && part.getObject() instanceof PeersPart peers ? peers : null;
    }

    private static void report(PeersPart peers, String line) {
        LOG.log(line.contains(" failed: ") ? Level.WARNING : Level.INFO, line);
        if (peers != null) {
            peers.showActionResult(line);
        }
    }
}

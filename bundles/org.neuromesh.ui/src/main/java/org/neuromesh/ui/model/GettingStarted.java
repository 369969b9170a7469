package org.neuromesh.ui.model;

import java.util.List;

/** Help > Getting Started: the first steps in the workbench, as headed paragraphs. */
public final class GettingStarted {

    /** One step: a heading and what to do. */
    public record Step(String heading, String text) {
    }

    public static final String TITLE = "Getting Started with NeuroMesh";

    public static final List<Step> STEPS = List.of(
            new Step("1. Open an experiment", "File > Open experiment... opens an experiment file (*.nmx) or names a"
                    + " new one. Its editor is a form: data set, learning rule (the rules installed now), hidden"
                    + " layers, gating and training options. A problem shows beside its field; Run is enabled when"
                    + " there is none. File > Save (Ctrl+S) writes the file."),
            new Step("2. Run it", "Run in the editor trains the experiment as a background job: cancel it from the"
                    + " Learning view, the last checkpoint stays. Run > Run quick experiment trains one epoch on"
                    + " 5,000 MNIST images, a check in seconds that training works."),
            new Step("3. Watch the Learning and Runs views", "The Learning view shows the epoch under way: loss,"
                    + " accuracy and, per hidden layer, how many nodes release, their mean threshold and the forced"
                    + " releases. The Runs view lists every run recorded in the workspace with its settings and"
                    + " outcome."),
            new Step("4. Connect to a broker", "This workbench is a full peer. With no settings it runs its own"
                    + " broker and connects to it. Network > Connect to a broker... points it at another MQTT"
                    + " broker: host, port, TLS, user and password. The password is kept in Equinox secure storage,"
                    + " encrypted; the status line at the bottom says whether the peer is connected, or why not."),
            new Step("5. The Network perspective", "Window > Network perspective (or Network on the toolbar) shows"
                    + " the Peers view, every peer this one knows with its health, latency and credits, and the"
                    + " Dashboard with the network's figures, live."),
            new Step("Preferences", "Window > Preferences... sets the data folder, the default learning rule of new"
                    + " experiments and the broker the connection dialog suggests."));

    private GettingStarted() {
    }

    /** The whole page as plain text: each heading on a line, then its paragraph, a blank line between steps. */
    public static String text() {
        StringBuilder text = new StringBuilder();
        for (Step step : STEPS) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(step.heading()).append('\n').append(step.text());
        }
        return text.toString();
    }
}

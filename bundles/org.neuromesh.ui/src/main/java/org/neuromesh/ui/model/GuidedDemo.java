package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The guided demo's walk for a newcomer: its steps, each explained before it is done, and where the walk stands.
 * Next does the current step ({@link GuidedDemoSteps}); once it is done its outcome joins the log and the next step
 * is explained; if it fails, the reason is shown and Next tries it again. Not thread-safe: the UI thread only.
 */
public final class GuidedDemo {

    /** The steps, in order; {@code part} names the view the step brings to the front, or is blank. */
    public enum Step {
        START_PEERS("Start two peers on this machine", "",
                "The demo starts two more NeuroMesh peers on this computer, each a headless peer in a process and"
                        + " folder of its own: demo-peer-1 holds the MNIST digits 0-4, demo-peer-2 the digits 5-9,"
                        + " like two devices that each saw only part of the world. They join this workbench's"
                        + " embedded MQTT broker, and each trains a small model of its own on its digits first."
                        + " This takes a minute or two."),
        DISCOVER("Discover the peers", "org.neuromesh.ui.part.peers",
                "Peers find each other through the broker: each announces itself with a signed heartbeat naming"
                        + " what it offers (its data, its learning rules, nodes it can lend). Next opens the Network"
                        + " perspective: the Peers view lists the two demo peers with their health and latency, the"
                        + " Network view draws them around this peer."),
        BORROW("Borrow trained nodes", "org.neuromesh.ui.part.peers",
                "A peer can borrow trained nodes from another instead of learning everything itself. Next borrows 32"
                        + " nodes that serve the digits 5-9 from demo-peer-2, paying at most 100 credits; they are"
                        + " grafted into this workbench's own model (if it has none yet, it trains one first, about"
                        + " a minute). The Peers view shows the credits paid. Borrowing pays most for digits a peer"
                        + " has never seen; this workbench holds all ten, so expect little change in its accuracy."),
        SESSION("Learn together", "org.neuromesh.ui.part.session",
                "In a collaborative session every member trains on its own data and sends only what its model"
                        + " learnt, sealed and signed; raw data never leave a peer. This workbench aggregates the"
                        + " rounds into a global model. Next starts a session of three members (the two demo peers"
                        + " and this workbench) of 3 short rounds; the Session view shows each round as it closes."),
        SIGNAL("Send an error signal", "org.neuromesh.ui.part.network",
                "A peer tells another that its output was wrong (an error signal) or right (a reward), signed, so"
                        + " the other can modulate its learning. Next sends an error signal to demo-peer-1; watch"
                        + " it travel in the Network view."),
        DASHBOARD("Watch the dashboard", "org.neuromesh.ui.part.dashboard",
                "The Dashboard sums up this peer's network: peers, health, latency, the credit balance (the nodes"
                        + " borrowed were paid for), capsules, bytes and refused messages, live. Next reads it."),
        FINISH("Finish", "",
                "That was the tour. Finish stops the two demo peers and deletes their folders; this workbench keeps"
                        + " its own model with the borrowed nodes. Help > Guided Demo starts the demo again.");

        private final String title;
        private final String part;
        private final String explanation;

        Step(String title, String part, String explanation) {
            this.title = title;
            this.part = part;
            this.explanation = explanation;
        }

        public String title() {
            return title;
        }

        /** The view this step brings to the front once it is done, blank for none. */
        public String part() {
            return part;
        }

        public String explanation() {
            return explanation;
        }
    }

    /** Where the walk stands. */
    public enum State {
        /** The current step is explained; Next does it. */
        READY,
        /** The current step is being done. */
        RUNNING,
        /** The current step failed; Next tries it again. */
        FAILED,
        /** Every step is done. */
        FINISHED
    }

    private static final Step[] STEPS = Step.values();

    private int current;
    private State state = State.READY;
    private String problem = "";
    private final List<String> log = new ArrayList<>();

    public Step step() {
        return STEPS[current];
    }

    public State state() {
        return state;
    }

    /** E.g. {@code Step 2 of 7: Discover the peers}, or {@code Done}. */
    public String heading() {
        return state == State.FINISHED ? "Done: the demo peers have stopped" : "Step " + (current + 1) + " of "
                + STEPS.length + ": " + step().title();
    }

    /** Whether Next may be pressed now. */
    public boolean canGoNext() {
        return state == State.READY || state == State.FAILED;
    }

    /** What the Next button says. */
    public String nextLabel() {
        return state == State.FAILED ? "Try again" : step() == Step.FINISH ? "Finish" : "Next";
    }

    /** A line on what is going on or went wrong, blank when there is nothing to say. */
    public String status() {
        return switch (state) {
            case RUNNING -> step().title() + " ...";
            case FAILED -> step().title() + " failed: " + problem;
            default -> "";
        };
    }

    /** The outcome of every step done so far, oldest first. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Next was pressed: the current step is under way. */
    public Step started() {
        if (!canGoNext()) {
            throw new IllegalStateException("the demo is " + state + ", Next is not possible now");
        }
        state = State.RUNNING;
        return step();
    }

    /** The current step is done with {@code outcome}: the next one is explained, or the walk is finished. */
    public void succeeded(String outcome) {
        requireRunning();
        log.add(outcome);
        if (current == STEPS.length - 1) {
            state = State.FINISHED;
        } else {
            current++;
            state = State.READY;
        }
    }

    /** The current step failed, {@code reason} in words a user can act on. */
    public void failed(String reason) {
        requireRunning();
        problem = reason;
        state = State.FAILED;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("no step is under way (the demo is " + state + ")");
        }
    }
}

package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Help > Guided Demo in the built workbench product, under Xvfb ({@link WorkbenchTest}): two real local peers
 * started from the workbench's own installation on its embedded broker, every step done by clicking Next, and
 * nothing left running or on disk at the end, also when the workbench is killed half-way.
 */
class GuidedDemoProductIT extends WorkbenchTest {

    private static final String DEMO = ViewSnapshot.GUIDED_DEMO;
    /** The first step's log row names the local peers' processes. */
    private static final Pattern PROCESS = Pattern.compile("\\(process ([0-9]+)\\)");
    /** Starting a peer from the installation and training its own model (1 epoch, 64 nodes) on 2 busy cores. */
    private static final Duration PEERS_READY = Duration.ofMinutes(5);

    @Test
    void givenANewcomer_whenTheGuidedDemoIsWalkedToItsEnd_thenEveryStepShowsItsOutcomeAndNothingIsLeft()
            throws Exception {
        // given the workbench connected to its embedded broker
        awaitView("the workbench connected", START, view -> view.statusLine().stream().anyMatch(line -> line
                .startsWith("Connected to ")));
        // when Help > Guided Demo is chosen, then its panel explains the first step beside the Network perspective
        command("command org.neuromesh.ui.command.guideddemo");
        awaitView("the demo's first step", REACT, view -> view.part(DEMO).status().contains(
                "Step 1 of 7: Start two peers on this machine") && view.shows(ViewSnapshot.PEERS));

        // when Next starts the two local peers
        command("click Next");
        ViewSnapshot started = awaitStep(2, "Discover the peers", PEERS_READY);
        // then both run from the workbench's installation, each with its own model, in the workbench's home
        String startedRow = log(started).get(0);
        assertTrue(startedRow.matches("demo-peer-1 runs \\(process [0-9]+\\) with the digits \\[0, 1, 2, 3, 4\\]; its"
                + " own model gets [0-9.]+% of the test digits right; demo-peer-2 runs \\(process [0-9]+\\) with the"
                + " digits \\[5, 6, 7, 8, 9\\]; its own model gets [0-9.]+% of the test digits right"), startedRow);
        List<ProcessHandle> peers = processes(startedRow);
        Path localPeers = workbench.home().resolve("local-peers");
        assertTrue(Files.isDirectory(localPeers.resolve("demo-peer-1/home")), "demo-peer-1's folder");
        assertTrue(Files.isDirectory(localPeers.resolve("demo-peer-2/home")), "demo-peer-2's folder");

        // when Next discovers them, then the log and the Peers view show both
        command("click Next");
        awaitStep(3, "Borrow trained nodes", REACT);
        awaitView("both demo peers in the Peers view", REACT, view -> view.part(ViewSnapshot.PEERS).rows().stream()
                .filter(row -> row.get(1).startsWith("demo-peer-")).count() == 2);

        // when Next borrows nodes for the digits 5-9 from demo-peer-2 (this workbench trains a model first)
        command("click Next");
        ViewSnapshot borrowed = awaitStep(4, "Learn together", PEERS_READY);
        // then the log says what the loan brought, and the Peers view shows the credits paid
        assertTrue(log(borrowed).get(2).matches("This peer trained a model of its own first"
                + " \\([0-9.]+%\\)\\. Borrowed 32 nodes from demo-peer-2 for [0-9]+ credits: this peer's accuracy on"
                + " the digits \\[5, 6, 7, 8, 9\\] went from [0-9.]+% to [0-9.]+%"), borrowed::toString);
        awaitView("the credits paid to demo-peer-2", REACT, view -> view.part(ViewSnapshot.PEERS).rows().stream()
                .anyMatch(row -> row.get(1).equals("demo-peer-2") && row.get(5).startsWith("-")));

        // when Next runs a session of three members
        command("click Next");
        ViewSnapshot learnt = awaitStep(5, "Send an error signal", Duration.ofMinutes(4));
        // then it ended with all three, and the Session view has its rounds
        assertTrue(log(learnt).get(3).matches("Session demo-[0-9a-f]{8} done: 3 rounds with 3"
                + " members; the global model recognises [0-9.]+% of this peer's test digits"), learnt::toString);
        assertEquals(3, learnt.part(ViewSnapshot.SESSION).rows().size(), learnt::toString);

        // when Next sends a signal and then reads the dashboard
        command("click Next");
        awaitStep(6, "Watch the dashboard", REACT);
        command("click Next");
        ViewSnapshot dashboard = awaitStep(7, "Finish", REACT);
        // then both are in the log, the dashboard line with the credits paid
        assertEquals("Sent an error signal (0.80, urgency 0.90, about mnist) to demo-peer-1", log(dashboard).get(4),
                dashboard::toString);
        assertTrue(log(dashboard).get(5).matches("The Dashboard: [0-9]+ peers, credit balance"
                + " -[0-9]+, [0-9]+ capsules sent and [0-9]+ opened, [0-9]+ messages refused"), dashboard::toString);
        screenshot("workbench-guided-demo.png");

        // when Finish is clicked
        command("click Finish");
        ViewSnapshot finished = awaitView("the demo done", Duration.ofSeconds(60), view -> view.part(DEMO).status()
                .contains("Done: the demo peers have stopped"));
        assertEquals("The demo peers have stopped; their folders are deleted.", log(finished).get(6));
        // then the local peers' processes have ended and their folders are gone
        for (ProcessHandle peer : peers) {
            assertFalse(peer.isAlive(), "local peer process " + peer.pid());
        }
        assertFalse(Files.exists(localPeers.resolve("demo-peer-1")), "demo-peer-1's folder is deleted");
        assertFalse(Files.exists(localPeers.resolve("demo-peer-2")), "demo-peer-2's folder is deleted");
        // and Close takes the panel away
        command("click Close");
        awaitView("the panel closed", REACT, view -> !view.shows(DEMO));
    }

    @Test
    void givenTheDemoPeersRunning_whenTheWorkbenchIsKilled_thenTheyStopByThemselves() throws Exception {
        // given the demo's two local peers running
        awaitView("the workbench connected", START, view -> view.statusLine().stream().anyMatch(line -> line
                .startsWith("Connected to ")));
        command("command org.neuromesh.ui.command.guideddemo");
        awaitView("the demo's first step", REACT, view -> view.part(DEMO).status().contains(
                "Step 1 of 7: Start two peers on this machine"));
        command("click Next");
        List<ProcessHandle> peers = processes(log(awaitStep(2, "Discover the peers", PEERS_READY)).get(0));
        // when the workbench is killed, so it cannot stop them
        workbench.process().kill();
        // then each local peer sees its starter gone and ends within a minute
        for (ProcessHandle peer : peers) {
            peer.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(peer.isAlive(), "local peer process " + peer.pid());
        }
    }

    private ViewSnapshot awaitStep(int number, String title, Duration timeout) throws InterruptedException {
        return awaitView("step " + number + " of the demo", timeout, view -> {
            List<String> status = view.part(DEMO).status();
            if (status.stream().anyMatch(line -> line.contains(" failed: "))) {
                throw new AssertionError("a step of the demo failed: " + status);
            }
            return status.contains("Step " + number + " of 7: " + title);
        });
    }

    /** The panel's lines under "What happened so far:", one per step done. */
    private static List<String> log(ViewSnapshot view) {
        List<String> lines = view.part(DEMO).status();
        int heading = lines.indexOf("What happened so far:");
        assertTrue(heading >= 0, view::toString);
        return lines.subList(heading + 1, lines.size());
    }

    private static List<ProcessHandle> processes(String row) {
        List<ProcessHandle> found = new ArrayList<>();
        Matcher process = PROCESS.matcher(row);
        while (process.find()) {
            ProcessHandle.of(Long.parseLong(process.group(1))).ifPresent(found::add);
        }
        assertEquals(2, found.size(), row);
        return found;
    }
}

package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Peers view's actions and the Session view of the built workbench product, under Xvfb ({@link WorkbenchTest}),
 * against a headless server peer on the workbench's embedded broker. Each action runs as its command with the
 * settings in its parameter (how scripts run it), and through the toolbar's dialog as a user fills it in.
 */
class PeerActionsProductIT extends WorkbenchTest {

    private static final String SESSION = ViewSnapshot.SESSION;
    private static final String SETTINGS = " org.neuromesh.ui.commandparameter.peeraction=";

    private RunningProduct server;

    /**
     * A server peer that joins the workbench's broker, with a trained model of its own to lend from; the workbench
     * grafts borrowed nodes into a model of its own, so it starts with a copy of the server's.
     */
    @Override
    WorkbenchUnderTest start(Path folder) throws Exception {
        WorkbenchUnderTest prepared = WorkbenchUnderTest.prepare(folder);
        try {
            server = prepared.startServerPeer("server-peer");
            server.awaitOutput(0, "NeuroMesh ready", START);
            int mark = server.mark();
            server.type("neuromesh:borrow train-own --hidden 64 --epochs 1");
            server.awaitOutput(mark, "own model:", Duration.ofMinutes(3));
            Path ownModel = Files.createDirectories(prepared.home().resolve("learner")).resolve("own-model.nmc");
            Files.copy(prepared.serverHome("server-peer").resolve("learner/own-model.nmc"), ownModel);
            prepared.launch();
            return prepared;
        } catch (Exception | Error e) {
            prepared.close();
            throw e;
        }
    }

    @AfterEach
    void stopServerPeer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAServerPeer_whenTheWorkbenchBorrowsSignalsSharesAndRunsASession_thenItsViewsShowEachOutcome()
            throws Exception {
        // given the Network perspective with the server peer in the Peers view
        awaitView("the workbench connected", START, view -> view.statusLine().stream().anyMatch(line -> line
                .startsWith("Connected to ")));
        command("perspective org.neuromesh.workbench.perspective.network");
        awaitView("the server peer in the Peers view", Duration.ofSeconds(60), view -> view.part(ViewSnapshot.PEERS)
                .rows().stream().anyMatch(row -> row.get(1).equals("server-peer")));

        // when 32 nodes for digits 5-9 are borrowed from it for at most 100 credits
        command("command org.neuromesh.ui.command.borrownodes" + SETTINGS
                + "peer=server-peer classes=5,6,7,8,9 nodes=32 credits=100");
        // then the Peers view says so, and its credits column and the Dashboard show the 32 credits paid
        ViewSnapshot borrowed = awaitView("the loan in the Peers view", Duration.ofSeconds(60), view -> view.part(
                ViewSnapshot.PEERS).status().stream().anyMatch(line -> line.startsWith("Borrowed 32 nodes from ")));
        assertTrue(borrowed.part(ViewSnapshot.PEERS).status().stream().anyMatch(line -> line.matches(
                "Borrowed 32 nodes from [0-9a-f]{8} for 32 credits: accuracy on classes \\[5, 6, 7, 8, 9\\] "
                        + "[0-9.]+% before, [0-9.]+% after")), borrowed::toString);
        awaitView("the credits paid in the Peers view and the Dashboard", REACT, view -> view.part(
                ViewSnapshot.PEERS).rows().stream().anyMatch(row -> row.get(1).equals("server-peer")
                        && row.get(5).equals("-32")) && view.part(ViewSnapshot.DASHBOARD).valueOf("Credit balance")
                                .equals(Optional.of("-32")));
        // and the server booked them
        int mark = server.mark();
        server.type("neuromesh:credits");
        assertTrue(server.awaitOutput(mark, "total", REACT).contains("total +32 credits"), server::output);

        // when nodes are borrowed as a user would, through the toolbar's dialog: it opens with its defaults, the
        // peer is typed in and fewer nodes asked for, and OK borrows them
        command("commandlater org.neuromesh.ui.command.borrownodes");
        ViewSnapshot dialog = awaitView("the Borrow nodes dialog", REACT, view -> view.shells().contains(
                "Borrow nodes"));
        assertTrue(dialog.dialog().containsAll(List.of("classes", "5,6,7,8,9", "nodes", "32", "credits", "100")),
                dialog::toString);
        command("set peer=server-peer");
        command("set nodes=16");
        screenshot("workbench-borrow-dialog.png");
        command("click OK");
        // then the dialog closes, the Peers view says what was borrowed, and 16 more credits moved to the server
        awaitView("the dialog's loan in the Peers view", Duration.ofSeconds(60), view -> !view.shells().contains(
                "Borrow nodes") && view.part(ViewSnapshot.PEERS).status().stream().anyMatch(line -> line.startsWith(
                        "Borrowed 16 nodes from ")));
        awaitView("the credits of both loans in the Peers view and the Dashboard", REACT, view -> view.part(
                ViewSnapshot.PEERS).rows().stream().anyMatch(row -> row.get(1).equals("server-peer")
                        && row.get(5).equals("-48")) && view.part(ViewSnapshot.DASHBOARD).valueOf("Credit balance")
                                .equals(Optional.of("-48")));
        mark = server.mark();
        server.type("neuromesh:credits");
        assertTrue(server.awaitOutput(mark, "total", REACT).contains("total +48 credits"), server::output);

        // when an error signal is sent to the server peer
        command("command org.neuromesh.ui.command.sendsignal" + SETTINGS
                + "peer=server-peer value=0.75 urgency=0.9 topic=from-the-workbench");
        awaitView("the signal sent", REACT, view -> view.part(ViewSnapshot.PEERS).status().stream().anyMatch(
                line -> line.startsWith("Sent signal 0.7500 (urgency 0.90, topic from-the-workbench) to ")));
        screenshot("workbench-peer-actions.png");
        // then the server's shell lists it
        awaitServerLine("neuromesh:signal list", "value 0.7500  urgency 0.90  from-the-workbench");

        // when a signal is sent as a user would, through the toolbar's dialog: it opens with its defaults, the peer
        // and a topic are typed in, and OK sends it
        command("commandlater org.neuromesh.ui.command.sendsignal");
        awaitView("the Send error signal dialog", REACT, view -> view.shells().contains("Send error signal"));
        command("set peer=server-peer");
        command("set topic=from-the-dialog");
        command("click OK");
        // then the dialog closes, the Peers view says what was sent with the dialog's defaults, and the server has it
        awaitView("the dialog's signal sent", REACT, view -> !view.shells().contains("Send error signal")
                && view.part(ViewSnapshot.PEERS).status().stream().anyMatch(line -> line.startsWith(
                        "Sent signal 0.5000 (urgency 0.50, topic from-the-dialog) to ")));
        awaitServerLine("neuromesh:signal list", "value 0.5000  urgency 0.50  from-the-dialog");
        // and when a memory is shared with it, then it is in the server's inbox of shared capsules
        command("command org.neuromesh.ui.command.sharecapsule" + SETTINGS
                + "peer=server-peer kind=memory tags=greeting text=hello from the workbench");
        awaitView("the capsule shared", REACT, view -> view.part(ViewSnapshot.PEERS).status().stream().anyMatch(
                line -> line.startsWith("Shared a capsule with ")));
        awaitServerLine("neuromesh:share inbox", "24 bytes  tags [greeting]");
        // and when a second one is shared through the toolbar's dialog, with the peer, tags and text typed in
        command("commandlater org.neuromesh.ui.command.sharecapsule");
        awaitView("the Share capsule dialog", REACT, view -> view.shells().contains("Share capsule"));
        command("set peer=server-peer");
        command("set tags=from-the-dialog");
        command("set text=hello from the dialog");
        command("click OK");
        // then the dialog closes and the server's inbox holds both capsules
        awaitView("the Share capsule dialog closed", REACT, view -> !view.shells().contains("Share capsule"));
        awaitServerLine("neuromesh:share inbox", "21 bytes  tags [from-the-dialog]");
        awaitServerLine("neuromesh:share inbox", "2 capsules shared");

        // when a short session of two members (3 rounds of 20 batches) is started from the workbench, which takes
        // part in it
        command("command org.neuromesh.ui.command.startsession" + SETTINGS
                + "id=wb-session members=2 rounds=3 steps=20 batch=64 hidden=32 deadline=60");
        // then the Session view follows it to its end: a row per round, both members contributing
        awaitSessionDone("wb-session");
        screenshot("workbench-session.png");

        // when another is started as a user would, through the toolbar's dialog, which suggests two members (this
        // peer takes part) and 3 rounds; 20 local batches are typed in
        command("commandlater org.neuromesh.ui.command.startsession");
        dialog = awaitView("the Start session dialog", REACT, view -> view.shells().contains("Start session"));
        assertTrue(dialog.dialog().containsAll(List.of("members", "2", "rounds", "3", "participate", "true")),
                dialog::toString);
        command("set steps=20");
        command("click OK");
        // then the Session view shows the new session, under an id of its own, to its end
        awaitSessionDone("session-[0-9a-f]{8}");

        // when the server peer stops and the workbench borrows from it again
        server.close();
        server = null;
        awaitView("the server peer gone", Duration.ofSeconds(60), view -> view.part(ViewSnapshot.PEERS).rows()
                .isEmpty());
        command("command org.neuromesh.ui.command.borrownodes" + SETTINGS + "peer=server-peer classes=5 nodes=8");
        // then the Peers view says clearly why nothing was borrowed
        awaitView("the failed borrowing", REACT, view -> view.part(ViewSnapshot.PEERS).status().contains(
                "Borrow nodes failed: no peer 'server-peer' is known now (it has gone, or was never seen)"));
        assertTrue(workbench.process().output().contains("Borrow nodes failed: no peer 'server-peer' is known now"),
                "the log has it too");
    }

    /**
     * Waits until the Session view says the session whose id matches {@code id} is done, and checks what it shows: a
     * row per round of the 3, both members contributing in each, none refused, the global accuracy, and the plan.
     */
    private void awaitSessionDone(String id) throws InterruptedException {
        String doneLine = "Session " + id + ": done, 3 of 3 rounds, 2 members; aggregated by this peer";
        ViewSnapshot done = awaitView("session " + id + " done in the Session view", Duration.ofSeconds(90), view ->
                view.part(SESSION).status().stream().anyMatch(line -> line.matches("Session " + id + ": done.*")));
        ViewSnapshot.Part session = done.part(SESSION);
        assertEquals(List.of("Round", "Contributed", "Refused", "Members", "Global accuracy", "Seconds"),
                session.columns(), done::toString);
        assertEquals(3, session.rows().size(), done::toString);
        for (List<String> row : session.rows()) {
            assertEquals("server-peer, this peer", row.get(1), done::toString);
            assertEquals("-", row.get(2), done::toString);
            assertTrue(row.get(4).matches("[0-9]+\\.[0-9]{2}%"), done::toString);
        }
        assertTrue(session.status().stream().anyMatch(line -> line.matches(doneLine)), done::toString);
        assertTrue(session.status().stream().anyMatch(line -> line.startsWith("3 rounds of 20 batches of 64,"
                + " eligibility, hidden [32], mnist; global accuracy ")), done::toString);
    }

    /** Types a command into the server's console until its output contains {@code expected}. */
    private void awaitServerLine(String command, String expected) throws Exception {
        long deadline = System.nanoTime() + REACT.toNanos();
        String output = "";
        while (System.nanoTime() < deadline) {
            int mark = server.mark();
            server.type(command);
            Thread.sleep(500);
            output = server.output().substring(mark);
            if (output.contains(expected)) {
                return;
            }
        }
        throw new AssertionError("the server never printed '" + expected + "' for " + command + ":\n" + output);
    }
}

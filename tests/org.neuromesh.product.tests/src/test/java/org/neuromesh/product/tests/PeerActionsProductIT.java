package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Peers view's actions and the Session view of the built workbench product, under Xvfb, against a headless
 * server peer on the workbench's embedded broker (set up as in {@link WorkbenchProductIT}). The actions run as
 * their commands with the settings in their parameter, as the toolbar's dialogs would pass them.
 */
class PeerActionsProductIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration REACT = Duration.ofSeconds(30);
    private static final String SESSION = "org.neuromesh.ui.part.session";
    private static final String SETTINGS = " org.neuromesh.ui.commandparameter.peeraction=";

    private final Path screenshots = Path.of(System.getProperty("neuromesh.screenshots.dir", "target/screenshots"));

    @TempDir
    Path work;

    private VirtualDisplay display;
    private RunningProduct product;
    private RunningProduct server;
    private Path probeCommands;
    private int brokerPort;

    @BeforeEach
    void startServerPeerAndWorkbench() throws Exception {
        // given a server peer that will join the workbench's broker, with a trained model of its own to lend from
        brokerPort = RunningProduct.freePort();
        server = startServerPeer(brokerPort, "server-peer");
        server.awaitOutput(0, "NeuroMesh ready", START);
        int mark = server.mark();
        server.type("neuromesh:borrow train-own --hidden 64 --epochs 1");
        server.awaitOutput(mark, "own model:", Duration.ofMinutes(3));
        // the workbench grafts borrowed nodes into a model of its own: it starts with a copy of the server's
        Path ownModel = Files.createDirectories(work.resolve("home/learner")).resolve("own-model.nmc");
        Files.copy(work.resolve("server-home/learner/own-model.nmc"), ownModel);

        Path workbench = RunningProduct.copyProduct("org.neuromesh.workbench.product", "neuromesh-workbench", work);
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.tests.uiprobe"), workbench.resolve(
                "plugins/uiprobe.jar"));
        Files.createDirectories(workbench.resolve("conf"));
        Files.writeString(workbench.resolve("conf/org.neuromesh.broker.cfg"), "port = " + brokerPort + "\n");
        Files.writeString(workbench.resolve("conf/org.neuromesh.discovery.mqtt.cfg"), "port = " + brokerPort
                + "\ndisplayName = workbench\nheartbeatSeconds = 2\n");
        probeCommands = work.resolve("uiprobe-commands.txt");
        Files.createDirectories(screenshots);
        display = VirtualDisplay.start(1024, 640);
        product = RunningProduct.start(workbench, "neuromesh-workbench", Map.of(
                "DISPLAY", display.name(),
                "GDK_BACKEND", "x11",
                "NO_AT_BRIDGE", "1",
                "NEUROMESH_VMARGS", "-Declipse.consoleLog=true -Dosgi.instance.area=" + work.resolve("workspace")
                        + " -Dneuromesh.home=" + work.resolve("home") + " -Dneuromesh.uiprobe.commands="
                        + probeCommands));
    }

    @AfterEach
    void stopAll() throws Exception {
        if (server != null) {
            server.close();
        }
        if (product != null) {
            product.close();
        }
        if (display != null) {
            display.close();
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

        // when an error signal is sent to the server peer
        command("command org.neuromesh.ui.command.sendsignal" + SETTINGS
                + "peer=server-peer value=0.75 urgency=0.9 topic=from-the-workbench");
        awaitView("the signal sent", REACT, view -> view.part(ViewSnapshot.PEERS).status().stream().anyMatch(
                line -> line.startsWith("Sent signal 0.7500 (urgency 0.90, topic from-the-workbench) to ")));
        screenshot("workbench-peer-actions.png");
        // then the server's shell lists it
        awaitServerLine("neuromesh:signal list", "value 0.7500  urgency 0.90  from-the-workbench");
        // and when a memory is shared with it, then it is in the server's inbox of shared capsules
        command("command org.neuromesh.ui.command.sharecapsule" + SETTINGS
                + "peer=server-peer kind=memory tags=greeting text=hello from the workbench");
        awaitView("the capsule shared", REACT, view -> view.part(ViewSnapshot.PEERS).status().stream().anyMatch(
                line -> line.startsWith("Shared a capsule with ")));
        awaitServerLine("neuromesh:share inbox", "24 bytes  tags [greeting]");

        // when a short session of two members (3 rounds of 20 batches) is started from the workbench, which takes
        // part in it
        command("command org.neuromesh.ui.command.startsession" + SETTINGS
                + "id=wb-session members=2 rounds=3 steps=20 batch=64 hidden=32 deadline=60");
        // then the Session view follows it to its end: a row per round, both members contributing
        ViewSnapshot done = awaitView("the session done in the Session view", Duration.ofSeconds(90), view -> view
                .part(SESSION).status().stream().anyMatch(line -> line.startsWith("Session wb-session: done")));
        ViewSnapshot.Part session = done.part(SESSION);
        assertEquals(List.of("Round", "Contributed", "Refused", "Members", "Global accuracy", "Seconds"),
                session.columns(), done::toString);
        assertEquals(3, session.rows().size(), done::toString);
        for (List<String> row : session.rows()) {
            assertEquals("server-peer, this peer", row.get(1), done::toString);
            assertEquals("-", row.get(2), done::toString);
            assertTrue(row.get(4).matches("[0-9]+\\.[0-9]{2}%"), done::toString);
        }
        assertTrue(session.status().contains("Session wb-session: done, 3 of 3 rounds, 2 members; aggregated by"
                + " this peer"), done::toString);
        assertTrue(session.status().stream().anyMatch(line -> line.startsWith("3 rounds of 20 batches of 64,"
                + " eligibility, hidden [32], mnist; global accuracy ")), done::toString);
        screenshot("workbench-session.png");

        // when the server peer stops and the workbench borrows from it again
        server.close();
        server = null;
        awaitView("the server peer gone", Duration.ofSeconds(60), view -> view.part(ViewSnapshot.PEERS).rows()
                .isEmpty());
        command("command org.neuromesh.ui.command.borrownodes" + SETTINGS + "peer=server-peer classes=5 nodes=8");
        // then the Peers view says clearly why nothing was borrowed
        awaitView("the failed borrowing", REACT, view -> view.part(ViewSnapshot.PEERS).status().contains(
                "Borrow nodes failed: no peer 'server-peer' is known now (it has gone, or was never seen)"));
        assertTrue(product.output().contains("Borrow nodes failed: no peer 'server-peer' is known now"),
                "the log has it too");
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

    private void screenshot(String name) throws Exception {
        Thread.sleep(700);
        display.screenshot(screenshots.resolve(name));
    }

    /** Appends a command for the UI probe (see WorkbenchCommands in org.neuromesh.tests.uiprobe). */
    private void command(String command) throws IOException {
        Files.writeString(probeCommands, command + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A copy of the server product as a peer on the broker at {@code port} of this machine (not yet running). */
    private RunningProduct startServerPeer(int port, String name) throws Exception {
        Path copy = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server",
                Files.createDirectories(work.resolve("server")));
        Files.createDirectories(copy.resolve("conf"));
        Files.writeString(copy.resolve("conf/org.neuromesh.broker.cfg"), "mode = never\n");
        Files.writeString(copy.resolve("conf/org.neuromesh.learner.cfg"), "dataset = mnist\nthreads = 1\n");
        Files.writeString(copy.resolve("conf/org.neuromesh.discovery.mqtt.cfg"), "host = 127.0.0.1\nport = " + port
                + "\ndisplayName = " + name + "\nheartbeatSeconds = 2\n");
        return RunningProduct.start(copy, "neuromesh-server", Map.of("NEUROMESH_VMARGS", "-Dneuromesh.home="
                + work.resolve("server-home")));
    }

    /** Waits until the probe reports a view matching {@code condition}; fails with what it saw instead. */
    private ViewSnapshot awaitView(String what, Duration timeout, Predicate<ViewSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ViewSnapshot> view = Optional.empty();
        while (System.nanoTime() < deadline && product.isAlive()) {
            view = ViewSnapshot.latest(product.output());
            if (view.filter(condition).isPresent()) {
                return view.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The workbench did not show " + what + " within " + timeout.toSeconds() + " s"
                + (product.isAlive() ? "" : " (its process ended)") + ". Last view: "
                + view.map(ViewSnapshot::toString).orElse("none") + "\nOutput:\n" + product.output()
                + (server == null ? "" : "\nServer output:\n" + server.output()));
    }
}

package org.neuromesh.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A copy of the built workbench product, started by its own script under Xvfb with the UI probe
 * ({@code org.neuromesh.tests.uiprobe}) in its plug-in folder: the probe prints what the visible parts show (read as
 * {@link ViewSnapshot}s) and carries out the commands a test appends to its command file, as a user would from the
 * menus. The workbench is a full peer on its embedded broker, on a free port. Screenshots go to
 * {@code neuromesh.screenshots.dir}.
 */
final class WorkbenchUnderTest implements AutoCloseable {

    /** How long a workbench may take to show its first window, on a loaded 2-core machine. */
    static final Duration START = Duration.ofSeconds(120);
    /** How long a view may take to show what it was told. */
    static final Duration REACT = Duration.ofSeconds(30);

    private final Path work;
    private final Path installation;
    private final int brokerPort;
    private final Path screenshots;
    private final VirtualDisplay display;
    private Path commands;
    private RunningProduct process;
    private long startedNanos;
    private int starts;

    private WorkbenchUnderTest(Path work, Path installation, int brokerPort,
            VirtualDisplay display) throws IOException {
        this.work = work;
        this.installation = installation;
        this.brokerPort = brokerPort;
        this.display = display;
        this.screenshots = Files.createDirectories(Path.of(System.getProperty("neuromesh.screenshots.dir",
                "target/screenshots")));
    }

    /**
     * Copies the workbench into {@code work}, with its workspace and NeuroMesh home there too, and starts it as a
     * peer on its embedded broker.
     */
    static WorkbenchUnderTest start(Path work) throws Exception {
        return start(work, true);
    }

    /**
     * As {@link #start(Path)}, but with the transport not configured: a test connects it (Network > Connect to a
     * broker), and that configuration must be what the workbench uses after a restart.
     */
    static WorkbenchUnderTest startUnconnected(Path work) throws Exception {
        return start(work, false);
    }

    private static WorkbenchUnderTest start(Path work, boolean onItsOwnBroker) throws Exception {
        WorkbenchUnderTest workbench = prepare(work, onItsOwnBroker);
        try {
            workbench.launch();
            return workbench;
        } catch (Exception | Error e) {
            workbench.display.close();
            throw e;
        }
    }

    /**
     * As {@link #start(Path)}, but not launched yet: a test puts what the workbench should find into its folders
     * first (e.g. a model in {@link #home()}), then calls {@link #launch()}. {@link #close()} it either way.
     */
    static WorkbenchUnderTest prepare(Path work) throws Exception {
        return prepare(work, true);
    }

    private static WorkbenchUnderTest prepare(Path work, boolean onItsOwnBroker) throws Exception {
        Path installation = RunningProduct.copyProduct("org.neuromesh.workbench.product", "neuromesh-workbench",
                work);
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.tests.uiprobe"), installation.resolve(
                "plugins/uiprobe.jar"));
        // the embedded broker on a free port, never 1883, for the server peers of a test to join (no host: the
        // transport uses the embedded broker, on the port it is told)
        int brokerPort = RunningProduct.freePort();
        Files.createDirectories(installation.resolve("conf"));
        Files.writeString(installation.resolve("conf/org.neuromesh.broker.cfg"), "port = " + brokerPort + "\n");
        if (onItsOwnBroker) {
            Files.writeString(installation.resolve("conf/org.neuromesh.discovery.mqtt.cfg"), "port = " + brokerPort
                    + "\ndisplayName = workbench\nheartbeatSeconds = 2\n");
        }
        return new WorkbenchUnderTest(work, installation, brokerPort, VirtualDisplay.start(1024, 640));
    }

    /** Starts the installed workbench again, with a new probe command file (the probe runs a file from its start). */
    void launch() throws IOException {
        commands = work.resolve("uiprobe-commands-" + ++starts + ".txt");
        startedNanos = System.nanoTime();
        process = RunningProduct.start(installation, "neuromesh-workbench", Map.of(
                "DISPLAY", display.name(),
                "GDK_BACKEND", "x11",
                "NO_AT_BRIDGE", "1",
                "NEUROMESH_VMARGS", "-Declipse.consoleLog=true -Dosgi.instance.area=" + workspace()
                        + " -Dneuromesh.home=" + home() + " -Dneuromesh.uiprobe.commands=" + commands));
    }

    /** Stops the workbench process; {@link #launch()} starts it again with what it left behind. */
    void stop() throws Exception {
        process.close();
    }

    /** The installed product's folder (its plugins/ and conf/). */
    Path installation() {
        return installation;
    }

    /** The workbench's workspace. */
    Path workspace() {
        return work.resolve("workspace");
    }

    /** The workbench's NeuroMesh home (identity, secure storage). */
    Path home() {
        return work.resolve("home");
    }

    int brokerPort() {
        return brokerPort;
    }

    RunningProduct process() {
        return process;
    }

    /** When the launcher was last started, by {@link System#nanoTime()}. */
    long startedNanos() {
        return startedNanos;
    }

    /** Appends a command for the UI probe (see WorkbenchCommands in org.neuromesh.tests.uiprobe). */
    void command(String command) throws IOException {
        Files.writeString(commands, command + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Waits until the probe reports a view matching {@code condition}; fails with what it saw instead. */
    ViewSnapshot awaitView(String what, Duration timeout, Predicate<ViewSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ViewSnapshot> view = Optional.empty();
        while (System.nanoTime() < deadline && process.isAlive()) {
            view = ViewSnapshot.latest(process.output());
            if (view.filter(condition).isPresent()) {
                return view.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The workbench did not show " + what + " within " + timeout.toSeconds() + " s"
                + (process.isAlive() ? "" : " (its process ended)") + ". Last view: "
                + view.map(ViewSnapshot::toString).orElse("none") + "\nOutput:\n" + process.output());
    }

    /**
     * Saves a picture of the screen once it has been painted: the probe reads widgets, which change before the X
     * server has the new pixels.
     */
    void screenshot(String name) throws Exception {
        Thread.sleep(700);
        display.screenshot(screenshots.resolve(name));
    }

    /** The NeuroMesh home of the server peer named {@code name} (see {@link #startServerPeer}). */
    Path serverHome(String name) {
        return work.resolve("server-home-" + name);
    }

    /**
     * Starts a copy of the server product as a peer named {@code name} on this workbench's embedded broker (it
     * connects once the workbench runs).
     */
    RunningProduct startServerPeer(String name) throws Exception {
        Path copy = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server",
                Files.createDirectories(work.resolve("server-" + name)));
        Files.createDirectories(copy.resolve("conf"));
        Files.writeString(copy.resolve("conf/org.neuromesh.broker.cfg"), "mode = never\n");
        Files.writeString(copy.resolve("conf/org.neuromesh.learner.cfg"), "dataset = mnist\nthreads = 1\n");
        Files.writeString(copy.resolve("conf/org.neuromesh.discovery.mqtt.cfg"), "host = 127.0.0.1\nport = "
                + brokerPort + "\ndisplayName = " + name + "\nheartbeatSeconds = 2\n");
        return RunningProduct.start(copy, "neuromesh-server", Map.of("NEUROMESH_VMARGS", "-Dneuromesh.home="
                + serverHome(name)));
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            display.close();
        }
    }
}

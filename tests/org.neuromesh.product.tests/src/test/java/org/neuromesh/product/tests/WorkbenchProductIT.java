package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The built workbench product under Xvfb ({@link WorkbenchUnderTest}), read through the UI probe: providers coming
 * and going, the workbench as a peer with a server peer joining it, runs, experiments and their failures, and
 * {@code ./neuromesh bench workbench}.
 */
class WorkbenchProductIT extends WorkbenchTest {

    private static final List<String> COLUMNS = List.of("Kind", "Name", "Ranking", "Bundle", "Properties");

    private RunningProduct server;

    @AfterEach
    void stopServerPeer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theProvidersViewListsProvidersLiveAsPluginsComeAndGo() throws Exception {
        // when the workbench has started, then its window shows the default learning rule
        ViewSnapshot started = awaitView("the default learning rule", START,
                view -> view.hasRow("learning rule", "eligibility"));
        System.out.printf("Workbench showed its providers %.1f s after start%n",
                (System.nanoTime() - workbench.startedNanos()) / 1e9);
        assertEquals(List.of("NeuroMesh Workbench"), started.shells(), "window title");
        assertEquals(COLUMNS, started.columns(), "columns of the Providers view");
        assertTrue(started.rows().stream().allMatch(row -> row.size() == COLUMNS.size()), started::toString);
        screenshot("workbench-started.png");

        // given the sample plug-in dropped into the running workbench's plugins/ folder
        Path dropped = workbench.installation().resolve("plugins/sample-plugin.jar");
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.sample.plugin"), work.resolve("sample-plugin.jar"));
        Files.move(work.resolve("sample-plugin.jar"), dropped, StandardCopyOption.ATOMIC_MOVE);
        // then its rule appears as a new row, next to the default
        ViewSnapshot withSample = awaitView("the dropped plug-in's rule", REACT,
                view -> view.hasRow("learning rule", "sign-hebbian"));
        assertTrue(withSample.hasRow("learning rule", "eligibility"), withSample::toString);
        assertTrue(withSample.rows().stream().anyMatch(row -> row.get(3).startsWith("org.neuromesh.sample.plugin ")),
                () -> "the new row names the dropped bundle: " + withSample);
        assertEquals(List.of(withSample.rows().size() + " providers"), withSample.status(), "status line");
        screenshot("workbench.png");

        // given the jar is removed again, then its row goes and the default stays
        Files.delete(dropped);
        ViewSnapshot afterRemoval = awaitView("the rule gone with its plug-in", REACT,
                view -> !view.hasRow("learning rule", "sign-hebbian"));
        assertTrue(afterRemoval.hasRow("learning rule", "eligibility"), afterRemoval::toString);
        screenshot("workbench-after-removal.png");
    }

    @Test
    void givenTheWorkbenchAsAFullPeer_whenAServerPeerJoinsItsBroker_thenTheNetworkViewsAndStatusLineShowIt()
            throws Exception {
        // when the workbench has started, a peer on its own embedded broker, then the status line shows that
        String broker = "tcp://127.0.0.1:" + workbench.brokerPort();
        ViewSnapshot started = awaitView("the connection in the status line", START, view -> view.statusLine()
                .contains("Connected to " + broker + " · 0 peers"));
        assertEquals(List.of("NeuroMesh Workbench"), started.shells(), "window title");
        assertTrue(started.shows(ViewSnapshot.PROVIDERS) && !started.shows(ViewSnapshot.PEERS),
                "the Experiment perspective first: " + started);
        // and when the Network perspective is chosen (the Window menu's command)
        command("perspective org.neuromesh.workbench.perspective.network");
        ViewSnapshot network = awaitView("the Peers view and the Dashboard", REACT, view -> view.shows(
                ViewSnapshot.PEERS) && view.shows(ViewSnapshot.DASHBOARD));
        // then the Peers view names this peer and knows no other, and the Dashboard counts no peer
        assertEquals(List.of("Peer", "Name", "Capabilities", "Health", "Latency", "Credits", "Last seen"),
                network.part(ViewSnapshot.PEERS).columns());
        assertTrue(network.part(ViewSnapshot.PEERS).status().stream().anyMatch(line -> line.startsWith("This peer ")
                && line.endsWith(": no other peer known yet")), network::toString);
        assertEquals(Optional.of("0"), network.part(ViewSnapshot.DASHBOARD).valueOf("Peers"), network::toString);
        screenshot("workbench-network-alone.png");

        // given a headless server peer that joins the workbench's embedded broker
        server = workbench.startServerPeer("server-peer");
        // then it appears in the Peers view with its name and health, in the Dashboard and in the status line
        // (each view takes the same event in turn: the probe may read between the two)
        awaitView("the server peer in the Peers view and the Dashboard", Duration.ofSeconds(90), view -> view
                .part(ViewSnapshot.PEERS).rows().stream().anyMatch(row -> row.get(1).equals("server-peer")
                        && row.get(3).endsWith("%")) && view.part(ViewSnapshot.DASHBOARD).valueOf("Peers")
                                .equals(Optional.of("1")));
        awaitView("one peer in the status line", REACT, view -> view.statusLine()
                .contains("Connected to " + broker + " · 1 peer"));
        screenshot("workbench-network.png");

        // and when the server peer broadcasts an error signal, the Network view draws it coming in and counts it
        command("show " + ViewSnapshot.NETWORK);
        awaitView("the Network view with the server peer", REACT, view -> view.part(ViewSnapshot.NETWORK).status()
                .stream().anyMatch(line -> line.startsWith("1 peer · ")));
        server.type("neuromesh:signal --value 0.5 --topic digits");
        awaitView("the signal in the Network view", REACT, view -> view.part(ViewSnapshot.NETWORK).status().stream()
                .anyMatch(line -> line.equals("1 peer · in the last 10 s: 1 signal")));
        screenshot("workbench-network-view.png");
        command("show " + ViewSnapshot.PEERS);

        // and when it stops, it leaves the Peers view again
        server.close();
        server = null;
        awaitView("the server peer gone", Duration.ofSeconds(60), view -> view.shows(ViewSnapshot.PEERS)
                && view.part(ViewSnapshot.PEERS).rows().isEmpty());
    }

    @Test
    void givenTheWorkbench_whenAQuickExperimentRuns_thenTheLearningViewFollowsItAndTheCheckpointIsInTheWorkspace()
            throws Exception {
        // given the started workbench
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        // when Run > Run quick experiment is chosen (one epoch on 5,000 MNIST images, 1,000 held out)
        command("command org.neuromesh.workbench.command.runquick");
        // then the Learning view comes to the front and shows the epoch, its validation accuracy and the gating
        ViewSnapshot done = awaitRunDone("the Learning view with the finished epoch", Duration.ofMinutes(3));
        ViewSnapshot.Part learning = done.part(ViewSnapshot.LEARNING);
        assertEquals(List.of("Epoch", "Loss", "Train", "Validation", "Seconds", "L1 releases", "L1 threshold",
                "L1 forced"), learning.columns(), done::toString);
        assertEquals(1, learning.rows().size(), done::toString);
        double validation = Double.parseDouble(learning.rows().get(0).get(3).replace("%", ""));
        assertTrue(validation > 70, "validation accuracy " + validation + "% after one epoch: " + done);
        assertTrue(learning.status().contains(String.format(java.util.Locale.ROOT,
                "Done: validation accuracy %.2f%% after 1 epochs", validation)), done::toString);
        // and its charts have drawn the epoch: accuracy and loss per batch window (the epoch's 79 batches of 64 are
        // fewer than 2 x 40, so a window each) and per epoch, the layer's gating and threshold
        ViewSnapshot drawn = awaitView("the Learning view's charts with the epoch", REACT, view -> view.part(
                ViewSnapshot.LEARNING).chart("Accuracy").filter(chart -> chart.contains("validation per epoch 1 point"))
                .isPresent() && view.part(ViewSnapshot.LEARNING).chart("Threshold").filter(chart -> chart.contains(
                        "L1 mean threshold 1 point")).isPresent());
        String accuracy = drawn.part(ViewSnapshot.LEARNING).chart("Accuracy").orElseThrow();
        assertTrue(accuracy.startsWith("Accuracy: train per window 79 points"), accuracy);
        assertTrue(accuracy.contains(String.format(java.util.Locale.ROOT, "validation per epoch 1 point, last %.2f%%",
                validation)), accuracy);
        assertTrue(drawn.part(ViewSnapshot.LEARNING).chart("Loss").orElseThrow().contains("loss per epoch 1 point"),
                drawn::toString);
        assertTrue(drawn.part(ViewSnapshot.LEARNING).chart("Gating").orElseThrow().contains("L1 release rate 1 point"),
                drawn::toString);
        screenshot("workbench-learning.png");
        // and the run's checkpoint is in the workspace
        try (var runs = Files.list(workbench.workspace().resolve("runs"))) {
            assertTrue(runs.anyMatch(file -> file.getFileName().toString().endsWith(".nmc")));
        }
    }

    @Test
    void givenExperimentFiles_whenOpenedSavedAndRun_thenProblemsShowOnTheirFieldsNothingIsLostAndRunsTrain()
            throws Exception {
        // given a broken experiment file: a setting out of range and one that does not exist
        String brokenText = "hidden = 64\nepochs = 0\nlearning_rate = 0.1\n";
        Path broken = Files.writeString(work.resolve("broken.nmx"), brokenText);
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        // when it is opened (File > Open experiment)
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + broken);
        // then the editor shows both problems, the one of epochs beside its field, and its readable settings
        ViewSnapshot opened = awaitView("the broken experiment in its editor", REACT, view -> view.part(
                ViewSnapshot.EXPERIMENT).status().contains("is from 1 to 10000, not 0"));
        ViewSnapshot.Part editor = opened.part(ViewSnapshot.EXPERIMENT);
        assertTrue(editor.status().stream().anyMatch(line -> line.startsWith("2 problems: line 3: learning_rate:"
                + " is not a setting")), opened::toString);
        assertTrue(editor.fields().containsAll(List.of("mnist", "64", "0")), opened::toString);
        assertTrue(opened.tabs().contains("broken.nmx"), "not dirty: " + opened.tabs());
        screenshot("workbench-experiment-problems.png");
        // and nothing was written to the file
        assertEquals(brokenText, Files.readString(broken));

        // given a new experiment (a name that does not exist yet): its defaults, unsaved until saved
        Path created = work.resolve("quick.nmx");
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + created);
        awaitView("the new experiment, unsaved", REACT, view -> view.tabs().contains("*quick.nmx"));
        command("save");
        awaitView("the new experiment, saved", REACT, view -> view.tabs().contains("quick.nmx"));
        assertTrue(Files.readString(created).contains("epochs = 3\n"), Files.readString(created));
        // when a small experiment is opened and run from its editor
        Path small = Files.writeString(work.resolve("small.nmx"), "hidden = 32\nepochs = 1\nvalidation = 1000\n"
                + "trainingSamples = 3000\n");
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + small);
        awaitView("the small experiment, ready", REACT, view -> view.part(ViewSnapshot.EXPERIMENT).status()
                .contains("Ready to run."));
        command("click Run");
        // then the Learning view shows its epoch, and the run's checkpoint is named after the experiment
        ViewSnapshot done = awaitRunDone("the small experiment's epoch", Duration.ofMinutes(3));
        assertEquals(1, done.part(ViewSnapshot.LEARNING).rows().size(), done::toString);
        try (var runs = Files.list(workbench.workspace().resolve("runs"))) {
            assertTrue(runs.anyMatch(file -> file.getFileName().toString().startsWith("small-")));
        }
        // and the Runs view lists it, with its settings and outcome, as recorded in the workspace
        command("show " + ViewSnapshot.RUNS);
        ViewSnapshot runs = awaitView("the small run in the Runs view", REACT, view -> view.part(ViewSnapshot.RUNS)
                .rows().stream().anyMatch(row -> row.get(0).equals("small") && row.get(3).startsWith("done: ")));
        assertTrue(runs.part(ViewSnapshot.RUNS).rows().stream().anyMatch(row -> row.get(0).equals("small")
                && row.get(1).contains("hidden [32], 1 epochs") && row.get(2).equals("1")), runs::toString);
        // and its curves are drawn in the Runs view's charts, as the selected (newest) run
        awaitView("the small run's curves in the Runs view", REACT, view -> view.part(ViewSnapshot.RUNS).chart(
                "Accuracy of the selected runs").filter(chart -> chart.contains("small 1 point")).isPresent()
                && view.part(ViewSnapshot.RUNS).chart("Loss of the selected runs").filter(chart -> chart.contains(
                        "small 1 point")).isPresent());
        screenshot("workbench-runs.png");
    }

    @Test
    void givenRunsUnderWay_whenOneIsCancelledAndTheRuleOfAnotherIsRemoved_thenBothStopWithAClearLine()
            throws Exception {
        // given a long run of the default rule, started from its experiment
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        Path longRun = Files.writeString(work.resolve("long.nmx"), "hidden = 32\nepochs = 500\nvalidation = 1000\n"
                + "trainingSamples = 5000\n");
        openAndRun(longRun);
        // when it is cancelled from the Learning view
        command("click Cancel run");
        // then it stops after its current batch, says so, and keeps its checkpoint in the workspace
        awaitView("the cancelled run", REACT, view -> view.part(ViewSnapshot.LEARNING).status().stream()
                .anyMatch(line -> line.startsWith("Cancelled after ")));
        try (var runs = Files.list(workbench.workspace().resolve("runs"))) {
            assertTrue(runs.anyMatch(file -> file.getFileName().toString().startsWith("long-")));
        }

        // given the sample plug-in's rule dropped into plugins/, and a long run of it
        Path dropped = workbench.installation().resolve("plugins/sample-plugin.jar");
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.sample.plugin"), work.resolve("sample-plugin.jar"));
        Files.move(work.resolve("sample-plugin.jar"), dropped, StandardCopyOption.ATOMIC_MOVE);
        command("show " + ViewSnapshot.PROVIDERS);
        awaitView("the dropped rule", REACT, view -> view.hasRow("learning rule", "sign-hebbian"));
        Path pluginRun = Files.writeString(work.resolve("plugin.nmx"), "rule = sign-hebbian\nhidden = 32\n"
                + "epochs = 500\nvalidation = 1000\ntrainingSamples = 5000\n");
        openAndRun(pluginRun);
        // when the plug-in is removed while its rule trains
        Files.delete(dropped);
        // then the run stops after its current batch with a line naming the rule, and the workbench goes on
        ViewSnapshot stopped = awaitView("the run stopped with its rule", REACT, view -> view.part(
                ViewSnapshot.LEARNING).status().stream().anyMatch(line -> line.startsWith(
                        "Stopped: the learning rule 'sign-hebbian' was removed")));
        screenshot("workbench-rule-removed.png");
        assertTrue(stopped.statusLine().stream().anyMatch(line -> line.startsWith("Connected")), stopped::toString);
    }

    /**
     * {@code ./neuromesh bench workbench}: start to first window, the time each view takes to open, how late the UI
     * thread runs a timer posted every 10 ms while a 784-256-10 network trains one epoch on all 60,000 MNIST images,
     * and the peak resident memory of the workbench and of a headless server training the same. Prints; asserts
     * nothing about the figures (they are measurements, not tests).
     */
    @Test
    @EnabledIfSystemProperty(named = "neuromesh.bench", matches = "true")
    void benchmarkTheWorkbench() throws Exception {
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        double startSeconds = (System.nanoTime() - workbench.startedNanos()) / 1e9;
        Map<String, Double> openMillis = new LinkedHashMap<>();
        for (String part : List.of(ViewSnapshot.LEARNING, ViewSnapshot.RUNS, ViewSnapshot.INSPECTOR,
                ViewSnapshot.PROVIDERS)) {
            openMillis.put(part, shown(part));
        }
        command("perspective org.neuromesh.workbench.perspective.network");
        for (String part : List.of(ViewSnapshot.PEERS, ViewSnapshot.DASHBOARD, ViewSnapshot.NETWORK,
                ViewSnapshot.SESSION)) {
            openMillis.put(part, shown(part));
        }
        command("perspective org.neuromesh.workbench.perspective.experiment");
        Path experiment = Files.writeString(work.resolve("bench.nmx"), "hidden = 256\nepochs = 1\nvalidation = 0\n"
                + "batch = 64\n");
        command("measure start");
        openAndRun(experiment);
        ViewSnapshot done = awaitRunDone("the epoch done", Duration.ofMinutes(10));
        int mark = workbench.process().output().length();
        command("measure stop");
        String delays = awaitProbeLine(mark, "ui-delay ");
        // the charts keep up when the epoch's point is drawn with all its windows by the time the run says Done
        long doneNanos = System.nanoTime();
        String accuracyChart = awaitView("the epoch in the accuracy chart", REACT, view -> view.part(ViewSnapshot
                .LEARNING).chart("Accuracy").filter(chart -> chart.contains("train per epoch 1 point")).isPresent())
                .part(ViewSnapshot.LEARNING).chart("Accuracy").orElseThrow();
        double chartLagMillis = (System.nanoTime() - doneNanos) / 1e6;
        long workbenchPeak = peakResidentKilobytes(workbench.process().pid());

        Path serverCopy = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server",
                Files.createDirectories(work.resolve("bench-server")));
        try (RunningProduct headless = RunningProduct.startServer(serverCopy, work.resolve("bench-server-home"),
                RunningProduct.freePort())) {
            headless.awaitOutput(0, "NeuroMesh ready", START);
            headless.type("neuromesh:train --hidden 256 --epochs 1 --batch 64");
            headless.awaitOutput(0, "done: ", Duration.ofMinutes(10));
            long serverPeak = peakResidentKilobytes(headless.pid());
            System.out.printf(java.util.Locale.ROOT, "%nWORKBENCH BENCHMARK (%d cores)%n", Runtime.getRuntime()
                    .availableProcessors());
            System.out.printf(java.util.Locale.ROOT, "start to first window: %.1f s (target <= 4 s)%n",
                    startSeconds);
            openMillis.forEach((part, millis) -> System.out.printf(java.util.Locale.ROOT,
                    "view %s opens in %.0f ms (target <= 300 ms)%n", part, millis));
            System.out.println("UI thread during a 784-256-10 epoch on 60,000 images: " + delays
                    + " (target: max <= 100 ms)");
            System.out.println("the run: " + done.part(ViewSnapshot.LEARNING).status().get(0));
            System.out.printf(java.util.Locale.ROOT, "charts: the epoch drawn %.0f ms after the run said Done "
                    + "(about 0 = already drawn; the probe reads every 200 ms): %s%n", chartLagMillis, accuracyChart);
            System.out.printf(java.util.Locale.ROOT, "peak resident memory: workbench %d MB, headless server %d MB"
                    + " (each trained the same epoch)%n", workbenchPeak >> 10, serverPeak >> 10);
        }
    }

    /** Shows a part and returns how long {@code showPart} took, as the probe measured it. */
    private double shown(String part) throws Exception {
        int mark = workbench.process().output().length();
        command("show " + part);
        String line = awaitProbeLine(mark, "shown " + part + " in ");
        return Double.parseDouble(line.substring(line.lastIndexOf(" in ") + 4, line.length() - 3));
    }

    /** The first probe line after {@code mark} that starts with {@code start}, without the probe's prefix. */
    private String awaitProbeLine(int mark, String start) throws Exception {
        long deadline = System.nanoTime() + REACT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : workbench.process().output().substring(mark).split("\n")) {
                int at = line.indexOf("UIPROBE " + start);
                if (at >= 0) {
                    return line.substring(at + 8).strip();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the probe never printed '" + start + "':\n"
                + workbench.process().output().substring(mark));
    }

    /** VmHWM of a process, in kilobytes. */
    private static long peakResidentKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

}

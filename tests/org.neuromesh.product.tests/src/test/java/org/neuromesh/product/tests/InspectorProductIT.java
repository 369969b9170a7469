package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Cluster Inspector of the built workbench product under Xvfb, read by the UI probe
 * ({@link WorkbenchTest}): a checkpoint of a run trained in the workbench, then a corrupt one.
 */
class InspectorProductIT extends WorkbenchTest {

    private static final String INSPECTOR = ViewSnapshot.INSPECTOR;
    private static final String OPEN_CHECKPOINT = "command org.neuromesh.ui.command.opencheckpoint"
            + " org.neuromesh.ui.commandparameter.checkpoint=";

    @Test
    void givenAFinishedRun_whenItsCheckpointIsInspected_thenTheNodesShow_andACorruptOneIsRefusedClearly()
            throws Exception {
        // given a small run trained from an experiment in the workbench, its checkpoint in the workspace
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        Path experiment = Files.writeString(work.resolve("small.nmx"), "hidden = 32\nepochs = 1\nvalidation = 1000\n"
                + "trainingSamples = 3000\n");
        openAndClickRun(experiment);
        awaitRunDone("the run done", Duration.ofMinutes(3));
        Path checkpoint;
        try (var runs = Files.list(workbench.workspace().resolve("runs"))) {
            checkpoint = runs.filter(file -> file.getFileName().toString().matches("small-.*\\.nmc")).findFirst()
                    .orElseThrow();
        }

        // when File > Open checkpoint opens it
        command(OPEN_CHECKPOINT + checkpoint);
        // then the Cluster Inspector shows its one hidden layer, the first node's values and its weight picture
        ViewSnapshot shown = awaitView("the checkpoint in the inspector", REACT, view -> view.part(INSPECTOR)
                .status().contains("Showing checkpoint " + checkpoint.getFileName() + " (784-32-10)"));
        ViewSnapshot.Part inspector = shown.part(INSPECTOR);
        assertTrue(inspector.fields().containsAll(List.of("Layer 1: 32 nodes of 784 inputs", "Threshold d")),
                shown::toString);
        assertTrue(inspector.status().containsAll(List.of("Node 0 of layer 1", "Release rate: not in a checkpoint",
                "Input weights of node 0 (black: most negative, white: most positive)")), shown::toString);
        // the values are the trained network's: thresholds moved away from d0 = 0.01 and differ across nodes
        String scale = value(inspector, "Threshold d: ");
        String nodeLine = inspector.status().get(inspector.status().indexOf("Node 0 of layer 1") + 2);
        assertTrue(scale.matches("[0-9.]+ \\(dark\\) to [0-9.]+ \\(bright\\)"), scale);
        String[] ends = scale.split(" \\(dark\\) to | \\(bright\\)");
        float low = Float.parseFloat(ends[0]);
        float high = Float.parseFloat(ends[1]);
        assertTrue(low < high, "thresholds differ across nodes after training: " + scale);
        float nodeThreshold = Float.parseFloat(nodeLine.substring("Threshold d: ".length()));
        assertTrue(nodeThreshold >= low && nodeThreshold <= high, nodeThreshold + " within " + scale);
        screenshot("workbench-inspector.png");

        // given a corrupt checkpoint: the same file cut in half
        byte[] bytes = Files.readAllBytes(checkpoint);
        Path corrupt = Files.write(work.resolve("corrupt.nmc"), Arrays.copyOf(bytes, bytes.length / 2));
        // when it is opened
        command(OPEN_CHECKPOINT + corrupt);
        // then the view says what is wrong with which file, and so does the log
        String message = "not a readable NeuroMesh checkpoint: " + corrupt + " is truncated or damaged";
        ViewSnapshot refused = awaitView("the corrupt checkpoint's message", REACT, view -> view.part(INSPECTOR)
                .status().stream().anyMatch(line -> line.startsWith(message)));
        assertTrue(refused.part(INSPECTOR).status().stream().noneMatch(line -> line.startsWith("Node ")),
                refused::toString);
        assertTrue(workbench.process().output().contains("Cluster inspector: " + message), "the log names it too");
        screenshot("workbench-inspector-corrupt.png");
        // and the workbench goes on: the next command runs, and the good checkpoint opens again
        command("show " + ViewSnapshot.RUNS);
        awaitView("the Runs view", REACT, view -> view.part(ViewSnapshot.RUNS).rows().stream()
                .anyMatch(row -> row.get(0).equals("small")));
        command(OPEN_CHECKPOINT + checkpoint);
        awaitView("the good checkpoint again", REACT, view -> view.part(INSPECTOR).status().contains(
                "Showing checkpoint " + checkpoint.getFileName() + " (784-32-10)"));
        assertTrue(workbench.process().isAlive());
    }

    @Test
    void givenARunUnderWay_whenTheInspectorFollowsIt_thenItShowsTheNodesBatchByBatchWithTheirReleaseRates()
            throws Exception {
        // given a long run under way, started from its experiment
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        Path experiment = Files.writeString(work.resolve("long.nmx"), "hidden = 32\nepochs = 500\nvalidation = 1000\n"
                + "trainingSamples = 5000\n");
        openAndRun(experiment);
        // when the Cluster Inspector follows it
        command("show " + INSPECTOR);
        command("click Follow live run");
        // then it shows a snapshot between two batches, with each node's release rate in that batch
        ViewSnapshot first = awaitView("a live snapshot", REACT, view -> view.part(INSPECTOR).status().stream()
                .anyMatch(line -> line.startsWith("Showing live run, epoch ")));
        String firstSource = first.part(INSPECTOR).status().get(0);
        assertTrue(first.part(INSPECTOR).fields().contains("Layer 1: 32 nodes of 784 inputs"), first::toString);
        String rate = value(first.part(INSPECTOR), "Release rate: ");
        assertTrue(rate.matches("[0-9.]+%"), rate);
        float percent = Float.parseFloat(rate.replace("%", ""));
        assertTrue(percent >= 0 && percent <= 100, rate);
        screenshot("workbench-inspector-live.png");
        // and a later snapshot replaces it as the run goes on
        awaitView("a later live snapshot", REACT, view -> view.part(INSPECTOR).status().stream().anyMatch(line -> line
                .startsWith("Showing live run, epoch ") && !line.equals(firstSource)));
        // and when it stops following, the run goes on and can be cancelled as before
        command("click Stop following");
        command("show " + ViewSnapshot.LEARNING);
        command("click Cancel run");
        awaitView("the cancelled run", REACT, view -> view.part(ViewSnapshot.LEARNING).status().stream()
                .anyMatch(line -> line.startsWith("Cancelled after ")));
    }

    /** The rest of the part's first label that starts with {@code start}. */
    private static String value(ViewSnapshot.Part part, String start) {
        return part.status().stream().filter(line -> line.startsWith(start)).map(line -> line.substring(start
                .length())).findFirst().orElseThrow(() -> new AssertionError("no '" + start + "' in " + part));
    }
}

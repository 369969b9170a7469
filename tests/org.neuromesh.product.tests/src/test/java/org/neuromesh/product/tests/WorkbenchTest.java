package org.neuromesh.product.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workbench's product tests share: a {@link WorkbenchUnderTest} started for each test in a folder of its
 * own, and the three things a test does with it (probe commands, awaiting a view, screenshots).
 */
abstract class WorkbenchTest {

    static final Duration START = WorkbenchUnderTest.START;
    static final Duration REACT = WorkbenchUnderTest.REACT;

    @TempDir
    Path work;

    WorkbenchUnderTest workbench;

    @BeforeEach
    final void startWorkbench() throws Exception {
        workbench = start(work);
    }

    /** How this class's workbench starts: as a peer on its own embedded broker, unless a class says otherwise. */
    WorkbenchUnderTest start(Path folder) throws Exception {
        return WorkbenchUnderTest.start(folder);
    }

    @AfterEach
    final void stopWorkbench() throws Exception {
        if (workbench != null) {
            workbench.close();
        }
    }

    /** Opens an experiment file (File > Open experiment) and clicks Run in its editor once it is ready. */
    void openAndClickRun(Path experiment) throws Exception {
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + experiment);
        awaitView(experiment.getFileName() + " ready", REACT, view -> view.tabs().contains(experiment.getFileName()
                .toString()) && view.part(ViewSnapshot.EXPERIMENT).status().contains("Ready to run."));
        command("click Run");
    }

    /**
     * Opens an experiment file, runs it from its editor and waits until its first batches are trained; for runs
     * long enough that the probe sees them under way.
     */
    void openAndRun(Path experiment) throws Exception {
        openAndClickRun(experiment);
        awaitView(experiment.getFileName() + " training", Duration.ofMinutes(2), view -> view.part(
                ViewSnapshot.LEARNING).status().stream().anyMatch(line -> line.startsWith("Epoch ")));
    }

    /**
     * Waits until the Learning view says that the run is done (its "Done: ..." line), as {@link #awaitView} does.
     *
     * @return the snapshot that said so
     */
    ViewSnapshot awaitRunDone(String what, Duration timeout) throws InterruptedException {
        return awaitView(what, timeout, view -> view.part(ViewSnapshot.LEARNING).status().stream().anyMatch(
                line -> line.startsWith("Done: ")));
    }

    /** See {@link WorkbenchUnderTest#awaitView}. */
    ViewSnapshot awaitView(String what, Duration timeout, Predicate<ViewSnapshot> condition)
            throws InterruptedException {
        return workbench.awaitView(what, timeout, condition);
    }

    /** See {@link WorkbenchUnderTest#command}. */
    void command(String command) throws IOException {
        workbench.command(command);
    }

    /** See {@link WorkbenchUnderTest#screenshot}. */
    void screenshot(String name) throws Exception {
        workbench.screenshot(name);
    }
}

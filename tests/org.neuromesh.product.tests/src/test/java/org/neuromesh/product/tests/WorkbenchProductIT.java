package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The built workbench product, started by its own script under Xvfb. Its Providers view is read from inside the
 * running workbench by the test bundle {@code org.neuromesh.tests.uiprobe}: put into the product's plug-in folder
 * before the start, it prints the view's table whenever it changes (see {@link ViewSnapshot}). Screenshots go to
 * {@code neuromesh.screenshots.dir}.
 */
class WorkbenchProductIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration REACT = Duration.ofSeconds(30);
    private static final List<String> COLUMNS = List.of("Kind", "Name", "Ranking", "Bundle", "Properties");

    private final Path screenshots = Path.of(System.getProperty("neuromesh.screenshots.dir", "target/screenshots"));

    @TempDir
    Path work;

    private Path workbench;
    private VirtualDisplay display;
    private RunningProduct product;
    private long startedNanos;

    @BeforeEach
    void startWorkbenchWithProbe() throws Exception {
        workbench = RunningProduct.copyProduct("org.neuromesh.workbench.product", "neuromesh-workbench", work);
        Path probe = RunningProduct.testBundleJar("org.neuromesh.tests.uiprobe");
        Files.copy(probe, workbench.resolve("plugins/uiprobe.jar"));
        Files.createDirectories(screenshots);
        display = VirtualDisplay.start(1024, 640);
        startedNanos = System.nanoTime();
        product = RunningProduct.start(workbench, "neuromesh-workbench", Map.of(
                "DISPLAY", display.name(),
                "GDK_BACKEND", "x11",
                "NO_AT_BRIDGE", "1",
                "NEUROMESH_VMARGS", "-Declipse.consoleLog=true -Dosgi.instance.area=" + work.resolve("workspace")
                        + " -Dneuromesh.home=" + work.resolve("home")));
    }

    @AfterEach
    void stopWorkbench() throws Exception {
        if (product != null) {
            product.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theProvidersViewListsProvidersLiveAsPluginsComeAndGo() throws Exception {
        // when the workbench has started, then its window shows the default learning rule
        ViewSnapshot started = awaitView("the default learning rule", START,
                view -> view.hasRow("learning rule", "eligibility"));
        System.out.printf("Workbench showed its providers %.1f s after start%n",
                (System.nanoTime() - startedNanos) / 1e9);
        assertEquals(List.of("NeuroMesh Workbench"), started.shells(), "window title");
        assertEquals(COLUMNS, started.columns(), "columns of the Providers view");
        assertTrue(started.rows().stream().allMatch(row -> row.size() == COLUMNS.size()), started::toString);
        display.screenshot(screenshots.resolve("workbench-started.png"));

        // given the sample plug-in dropped into the running workbench's plugins/ folder
        Path dropped = workbench.resolve("plugins/sample-plugin.jar");
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.sample.plugin"), work.resolve("sample-plugin.jar"));
        Files.move(work.resolve("sample-plugin.jar"), dropped, StandardCopyOption.ATOMIC_MOVE);
        // then its rule appears as a new row, next to the default
        ViewSnapshot withSample = awaitView("the dropped plug-in's rule", REACT,
                view -> view.hasRow("learning rule", "sign-hebbian"));
        assertTrue(withSample.hasRow("learning rule", "eligibility"), withSample::toString);
        assertTrue(withSample.rows().stream().anyMatch(row -> row.get(3).startsWith("org.neuromesh.sample.plugin ")),
                () -> "the new row names the dropped bundle: " + withSample);
        assertEquals(List.of(withSample.rows().size() + " providers"), withSample.status(), "status line");
        display.screenshot(screenshots.resolve("workbench.png"));

        // given the jar is removed again, then its row goes and the default stays
        Files.delete(dropped);
        ViewSnapshot afterRemoval = awaitView("the rule gone with its plug-in", REACT,
                view -> !view.hasRow("learning rule", "sign-hebbian"));
        assertTrue(afterRemoval.hasRow("learning rule", "eligibility"), afterRemoval::toString);
        display.screenshot(screenshots.resolve("workbench-after-removal.png"));
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
                + view.map(ViewSnapshot::toString).orElse("none") + "\nOutput:\n" + product.output());
    }
}

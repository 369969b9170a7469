package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training in the built server product, as a user types it into the console, and Ctrl-C during it. */
class TrainingProductIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration TRAIN = Duration.ofSeconds(180);

    @TempDir
    Path work;

    private RunningProduct product;

    @BeforeEach
    void startServer() throws Exception {
        Path server = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server", work);
        product = RunningProduct.start(server, "neuromesh-server",
                Map.of("NEUROMESH_VMARGS", "-Dneuromesh.home=" + work.resolve("home")));
        product.awaitOutput(0, "NeuroMesh ready in", START);
    }

    @AfterEach
    void stopServer() throws Exception {
        product.close();
    }

    @Test
    void aTrainingTypedIntoTheConsoleReportsEachEpochAndSavesItsCheckpoint() throws Exception {
        // when a small network is trained for one epoch with the default rule
        Path checkpoint = work.resolve("small.nmc");
        int mark = product.mark();
        product.type("neuromesh:train --hidden 32 --epochs 1 --save " + checkpoint + " --result");
        // then the epoch line, the checkpoint and the machine-readable result appear
        String output = product.awaitOutput(mark, "RESULT {", TRAIN);
        assertTrue(output.contains("with rule 'eligibility'"), output);
        assertTrue(output.contains("epoch 1: loss"), output);
        assertTrue(output.contains("saved " + checkpoint), output);
        assertTrue(Files.size(checkpoint) > 784 * 32 * 4, "checkpoint of " + Files.size(checkpoint) + " bytes");
    }

    @Test
    void anUnknownRuleIsNamedWithTheRulesThatExist() throws Exception {
        // when a rule that is not installed is asked for
        int mark = product.mark();
        product.type("neuromesh:train --rule telepathy");
        // then the error names it and lists the registered ones
        String output = product.awaitOutput(mark, "training failed", Duration.ofSeconds(20));
        assertTrue(output.contains("no learning rule named 'telepathy'; registered: ")
                && output.contains("eligibility"), output);
    }

    @Test
    void ctrlCStopsTheTrainingAfterItsBatchAndKeepsTheCheckpoint() throws Exception {
        // given a long training under way
        Path checkpoint = work.resolve("interrupted.nmc");
        int mark = product.mark();
        product.type("neuromesh:train --hidden 64 --epochs 100 --save " + checkpoint);
        product.awaitOutput(mark, "with rule", TRAIN);
        Thread.sleep(1500);
        // when the user presses Ctrl-C
        product.interrupt();
        // then the server ends after the training saved what it had learned
        product.awaitExit(Duration.ofSeconds(60));
        String output = product.output();
        assertTrue(output.contains("(stopped)") && output.contains("saved " + checkpoint), output);
        assertTrue(Files.exists(checkpoint), output);
        try (var files = Files.list(work)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")), "no half-written file is left");
        }
    }
}

package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, small: an embedded broker and three peer processes with two MNIST digits each run a session
 * through real sealed capsules; every peer ends with a model that recognises far more than its own digits.
 */
class DemoProductIT {

    /** A results row: member id, its classes, accuracy alone, accuracy after the session. */
    private static final Pattern MEMBER = Pattern.compile("(?m)^[0-9a-f]{8} +(\\[[0-9, ]+\\]) +([0-9.]+)% +([0-9.]+)%");

    @TempDir
    Path work;

    @Test
    void givenThreePeersWithTwoDigitsEach_whenTheDemoRuns_thenEachEndsFarAboveWhatItLearntAlone() throws Exception {
        // given the server product and the demo script
        Path server = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server", work);
        Path script = Path.of("../../releng/demo/run-demo.sh").toAbsolutePath().normalize();
        // when the demo runs a short session with three peers
        RunningProduct demo = RunningProduct.run(List.of("bash", script.toString(), server.toString(), "--peers",
                "3", "--rounds", "6", "--steps", "10", "--hidden", "64", "--work", work.resolve("demo").toString()),
                work);
        try {
            demo.awaitOutput(0, "centralised reference (same rule", Duration.ofMinutes(10));
            assertEquals(0, demo.awaitExit(Duration.ofMinutes(2)), demo.output());
            String output = demo.output();
            // then every member reported, and the session's model beats what each learnt alone by far
            Matcher rows = MEMBER.matcher(output);
            List<String> members = new ArrayList<>();
            while (rows.find()) {
                double alone = Double.parseDouble(rows.group(2));
                double together = Double.parseDouble(rows.group(3));
                assertTrue(together > alone + 15, rows.group() + "\n" + output);
                members.add(rows.group(1));
            }
            assertEquals(List.of("[0, 1]", "[2, 3]", "[4, 5]"), members, output);
            assertTrue(output.contains("round 6/6"), output);
        } finally {
            demo.close();
        }
    }
}

package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Which implementation the factory picks, and that the engine works without the Vector API module. */
class KernelsTest {

    @Test
    void scalarKernelsSayWhatTheyAre() {
        try (MatrixKernels kernels = Kernels.scalar(2)) {
            assertEquals("scalar, 2 threads", kernels.description());
            assertEquals(2, kernels.threads());
        }
    }

    @Test
    void createPicksTheVectorKernelsWhenTheModuleIsThere() {
        // given a JVM started with the incubator module (the build's test runs are)
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "run without the module");
        // when kernels are created
        try (MatrixKernels kernels = Kernels.create(2)) {
            // then they are the vector ones, unless this CPU's vectors are too short to bother
            String description = kernels.description();
            assertTrue(description.matches("Vector API, \\d+-bit FloatVector, 2 threads")
                    || description.contains("preferred vector size is only"), description);
            assertEquals(description.startsWith("Vector API"), Kernels.vectorAvailable());
        }
    }

    @Test
    void withoutTheModuleCreateFallsBackToScalarKernelsThatWork() throws Exception {
        // given a JVM started without --add-modules=jdk.incubator.vector
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                location(Kernels.class) + File.pathSeparator + location(FallbackProbe.class) + File.pathSeparator
                        + location(org.neuromesh.api.learning.MatrixMath.class),
                FallbackProbe.class.getName());
        // when it creates kernels and multiplies with them
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        // then it got the scalar kernels, saying why, and a right product
        assertEquals(0, process.exitValue(), output);
        assertEquals("""
                available=false
                description=scalar, 2 threads (jdk.incubator.vector not present)
                product=[19.0, 22.0, 43.0, 50.0]
                """, output);
    }

    private static String location(Class<?> type) throws URISyntaxException, IOException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

package org.neuromesh.engine.math;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * GFLOP/s of the matrix products of one training batch of a 784-256-10 network (batch 128), for each available
 * implementation with 1 and 2 threads. Not a test and not shipped. After a build, from the repository root:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bundles/org.neuromesh.engine/target/classes:bundles/org.neuromesh.engine/target/test-classes org.neuromesh.engine.math.KernelBenchmark
 * </pre>
 *
 * Each figure is the best of several timed runs after a warm-up, so it shows what the kernels can do rather than the
 * noise of whatever else the machine is running; the load average printed with each block tells whether anything was.
 * Arguments {@code vector} or {@code scalar} run only that implementation.
 */
public final class KernelBenchmark {

    private static final int BATCH = 128;
    private static final int INPUTS = 784;
    private static final int HIDDEN = 256;
    private static final int OUTPUTS = 10;
    private static final int BATCHES_PER_EPOCH = 60_000 / BATCH + 1;

    private record Shape(String name, String kind, int m, int n, int k) {
        double flops() {
            return 2.0 * m * n * k;
        }
    }

    private static final Shape[] SHAPES = {
        new Shape("layer 1 forward       X[128x784] W1[256x784]^T", "transposedB", BATCH, HIDDEN, INPUTS),
        new Shape("layer 1 weight update delta1^T[256x128] X    ", "transposedA", HIDDEN, INPUTS, BATCH),
        new Shape("layer 2 forward       H[128x256] W2[10x256]^T ", "transposedB", BATCH, OUTPUTS, HIDDEN),
        new Shape("layer 2 backward      delta2[128x10] W2        ", "multiply", BATCH, HIDDEN, OUTPUTS),
        new Shape("layer 2 weight update delta2^T[10x128] H     ", "transposedA", OUTPUTS, HIDDEN, BATCH),
    };

    private KernelBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors; vector available: " + Kernels.vectorAvailable());
        List<String> only = List.of(args);
        boolean vector = only.isEmpty() || only.contains("vector");
        boolean scalar = only.isEmpty() || only.contains("scalar");
        for (int threads = 1; threads <= 2 && vector && Kernels.vectorAvailable(); threads++) {
            run(Kernels.create(threads));
        }
        for (int threads = 1; threads <= 2 && scalar; threads++) {
            run(Kernels.scalar(threads));
        }
    }

    private static void run(MatrixKernels kernels) {
        try (kernels) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%s (load average %.2f)%n", kernels.description(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            double batchSeconds = 0;
            for (Shape shape : SHAPES) {
                double seconds = time(kernels, shape);
                batchSeconds += seconds;
                System.out.printf(Locale.ROOT, "  %s %-12s %8.1f GFLOP/s  %8.1f us%n", shape.name, shape.kind,
                        shape.flops() / seconds / 1e9, seconds * 1e6);
            }
            System.out.printf(Locale.ROOT, "  one batch (these five products): %.3f ms, an epoch of %d batches: %.2f s%n",
                    batchSeconds * 1e3, BATCHES_PER_EPOCH, batchSeconds * BATCHES_PER_EPOCH);
        }
    }

    /** Best seconds per call. */
    private static double time(MatrixKernels kernels, Shape shape) {
        SplittableRandom random = new SplittableRandom(42);
        float[] a = randoms(random, shape.m * shape.k);
        float[] b = randoms(random, shape.n * shape.k);
        float[] c = new float[shape.m * shape.n];
        Runnable call = switch (shape.kind) {
            case "transposedB" -> () -> kernels.multiplyTransposedB(shape.m, shape.n, shape.k, a, b, c, 0f);
            case "transposedA" -> () -> kernels.multiplyTransposedA(shape.m, shape.n, shape.k, 0.01f, a, b, c, 1f);
            default -> () -> kernels.multiply(shape.m, shape.n, shape.k, a, b, c, 0f);
        };
        repeatFor(call, 0.5); // warm-up: let the JIT compile the kernels
        double best = Double.MAX_VALUE;
        for (int trial = 0; trial < 10; trial++) {
            best = Math.min(best, repeatFor(call, 0.05));
        }
        return best;
    }

    /** Calls {@code call} for about {@code seconds}; returns seconds per call. */
    private static double repeatFor(Runnable call, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int calls = 0;
        long now;
        do {
            call.run();
            calls++;
            now = System.nanoTime();
        } while (now < deadline);
        return (now - start) / 1e9 / calls;
    }

    private static float[] randoms(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}

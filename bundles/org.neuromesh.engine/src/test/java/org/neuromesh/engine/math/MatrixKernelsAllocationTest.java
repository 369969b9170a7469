package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Once the JIT has compiled the kernels, the calls of a training step allocate nothing, on any thread. */
class MatrixKernelsAllocationTest {

    enum Implementation {
        VECTOR, SCALAR
    }

    /** A few bytes per call are tolerated (a stray lazy initialisation); a kernel that allocates uses megabytes. */
    private static final long BYTES_PER_CALL = 64;
    private static final int CALLS = 20;

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void aTrainingStepAllocatesNothingOnceCompiled(Implementation implementation) {
        assumeTrue(implementation == Implementation.SCALAR || Kernels.vectorAvailable(), "no Vector API here");
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        int m = 64, n = 96, k = 200; // large enough to be split across the two threads
        float[] x = new float[m * k], w = new float[n * k], h = new float[m * n], dw = new float[n * k];
        try (MatrixKernels kernels = implementation == Implementation.VECTOR ? Kernels.create(2)
                : Kernels.scalar(2)) {
            long[] ids = kernelThreadIds();
            long last = 0;
            // the first rounds run interpreted code, which allocates; give the JIT up to 200 rounds
            for (int round = 0; round < 200; round++) {
                long before = allocated(threads, ids);
                for (int call = 0; call < CALLS; call++) {
                    kernels.multiplyTransposedB(m, n, k, x, w, h, 0f);
                    kernels.multiply(m, k, n, h, w, x, 0f);
                    kernels.multiplyTransposedA(n, k, m, 0.01f, h, x, dw, 0f);
                    kernels.addScaled(n * k, -0.1f, dw, w);
                }
                last = (allocated(threads, ids) - before) / (4 * CALLS);
                if (last <= BYTES_PER_CALL) {
                    return;
                }
            }
            fail("still " + last + " bytes allocated per call after 200 rounds");
        }
    }

    private static long[] kernelThreadIds() {
        long current = Thread.currentThread().getId();
        long[] workers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("neuromesh-kernels-")).mapToLong(Thread::getId)
                .toArray();
        long[] ids = Arrays.copyOf(workers, workers.length + 1);
        ids[workers.length] = current;
        return ids;
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(ids)) {
            sum += Math.max(0, bytes); // -1 for a thread that has ended
        }
        return sum;
    }
}

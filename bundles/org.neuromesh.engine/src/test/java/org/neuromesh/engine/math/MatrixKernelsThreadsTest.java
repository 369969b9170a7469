package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromesh.engine.math.MatrixKernelsProductTest.Implementation;
import org.neuromesh.engine.math.Product.Shape;

class MatrixKernelsThreadsTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Implementation implementation : Implementation.both()) {
            for (Product product : Product.values()) {
                // split by rows; by columns (m too small for rows); odd everything (all large enough to split)
                for (Shape shape : new Shape[] { new Shape(128, 256, 784), new Shape(10, 784, 256),
                    new Shape(257, 33, 129) }) {
                    cases.add(Arguments.of(implementation, product, shape));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void oneAndTwoThreadsGiveIdenticalResults(Implementation implementation, Product product, Shape shape) {
        assumeTrue(!implementation.vector() || Kernels.vectorAvailable(), "Vector API not available in this JVM");
        // given the same inputs and C
        SplittableRandom random = new SplittableRandom(7);
        float[] a = product.inputA(random, shape);
        float[] b = Product.randoms(random, shape.n() * shape.k());
        float[] c1 = Product.randoms(random, shape.m() * shape.n());
        float[] c2 = c1.clone();
        // when computed on one and on two threads
        try (MatrixKernels one = implementation.factory().apply(1);
                MatrixKernels two = implementation.factory().apply(2)) {
            product.run(one, shape, 0.5f, a, b, c1, 0.75f);
            product.run(two, shape, 0.5f, a, b, c2, 0.75f);
        }
        // then the results are the same to the bit: each element is computed the same way wherever it is
        assertArrayEquals(c1, c2);
    }

    @Test
    void closeStopsTheWorkerThreads() {
        // given kernels with two threads, that is one worker, which has done some work
        Set<Thread> before = kernelThreads();
        MatrixKernels kernels = Kernels.create(2);
        float[] x = new float[256 * 256];
        kernels.multiply(256, 256, 256, x, x, new float[256 * 256], 0f);
        Set<Thread> workers = kernelThreads();
        workers.removeAll(before);
        assertEquals(1, workers.size(), "new worker threads: " + workers);
        Thread worker = workers.iterator().next();
        assertTrue(worker.isDaemon(), "a worker must not keep the JVM alive");
        assertEquals("neuromesh-kernels-1", worker.getName());
        // when closed
        kernels.close();
        // then the worker has ended, and closing again is harmless
        assertFalse(worker.isAlive());
        assertDoesNotThrow(kernels::close);
    }

    @Test
    void callsAfterCloseAreRejected() {
        MatrixKernels kernels = Kernels.scalar(2);
        kernels.close();
        float[] x = new float[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> kernels.multiply(1, 1, 1, x, x, x, 0f));
        assertEquals("kernels closed: scalar, 2 threads", thrown.getMessage());
    }

    @Test
    void oneThreadStartsNoWorker() {
        Set<Thread> before = kernelThreads();
        try (MatrixKernels kernels = Kernels.create(1)) {
            Set<Thread> after = kernelThreads();
            after.removeAll(before);
            assertEquals(Set.of(), after);
            assertEquals(1, kernels.threads());
        }
    }

    private static Set<Thread> kernelThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("neuromesh-kernels-"))
                .collect(Collectors.toSet());
    }
}

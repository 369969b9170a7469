package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromesh.engine.math.Product.Shape;

/** Every product, both implementations, odd sizes, against naive loops in double. */
class MatrixKernelsProductTest {

    /** An implementation under test; the vector one is skipped (not failed) where this JVM cannot run it. */
    record Implementation(String name, IntFunction<MatrixKernels> factory, boolean vector) {
        @Override
        public String toString() {
            return name;
        }

        static List<Implementation> both() {
            return List.of(new Implementation("vector", Kernels::create, true),
                    new Implementation("scalar", Kernels::scalar, false));
        }
    }

    private static final List<Shape> SHAPES = List.of(new Shape(1, 1, 1), new Shape(3, 17, 5),
            new Shape(128, 256, 784), new Shape(128, 10, 256), new Shape(257, 33, 129), new Shape(20, 1000, 64));
    private static final float[] BETAS = { 0f, 1f, 0.5f };
    private static final float[] ALPHAS = { 1f, -0.37f };

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Implementation implementation : Implementation.both()) {
            for (Product product : Product.values()) {
                for (Shape shape : SHAPES) {
                    for (float beta : product.hasBeta() ? BETAS : new float[] { 0f }) {
                        for (float alpha : product.hasAlpha() ? ALPHAS : new float[] { 1f }) {
                            cases.add(Arguments.of(implementation, product, shape, alpha, beta));
                        }
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2} alpha {3} beta {4}")
    @MethodSource("cases")
    void productMatchesNaiveLoops(Implementation implementation, Product product, Shape shape, float alpha,
            float beta) {
        assumeTrue(!implementation.vector() || Kernels.vectorAvailable(), "Vector API not available in this JVM");
        // given random A and B, and C holding old values (NaN garbage when beta is 0) plus a tail not to touch
        SplittableRandom random = new SplittableRandom(shape.hashCode() * 31L + product.ordinal());
        float[] a = product.inputA(random, shape);
        float[] b = Product.randoms(random, shape.n() * shape.k());
        float[] c = Product.randoms(random, shape.m() * shape.n() + 3);
        if (beta == 0f) {
            Arrays.fill(c, 0, shape.m() * shape.n(), Float.NaN);
        }
        float[] before = c.clone();
        // when the product is computed on two threads
        try (MatrixKernels kernels = implementation.factory().apply(2)) {
            product.run(kernels, shape, alpha, a, b, c, beta);
        }
        // then every element matches the naive result, and nothing after C changed
        product.assertResult(shape, alpha, a, b, before, beta, c);
    }
}

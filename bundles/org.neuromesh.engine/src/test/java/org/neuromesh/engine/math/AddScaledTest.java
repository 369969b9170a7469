package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromesh.engine.math.MatrixKernelsProductTest.Implementation;

class AddScaledTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Implementation implementation : Implementation.both()) {
            // 0 and short ones stay on the caller; 100_003 is split across threads and has a ragged end
            for (int length : new int[] { 0, 1, 17, 100_003 }) {
                cases.add(Arguments.of(implementation, length));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("cases")
    void addsAlphaTimesXToTheFirstLengthElementsOfY(Implementation implementation, int length) {
        assumeTrue(!implementation.vector() || Kernels.vectorAvailable(), "Vector API not available in this JVM");
        // given x and y, y one element longer than length
        SplittableRandom random = new SplittableRandom(length);
        float[] x = Product.randoms(random, length);
        float[] y = Product.randoms(random, length + 1);
        float[] before = y.clone();
        float alpha = -0.125f;
        // when
        try (MatrixKernels kernels = implementation.factory().apply(2)) {
            kernels.addScaled(length, alpha, x, y);
        }
        // then
        for (int i = 0; i < length; i++) {
            assertEquals(before[i] + alpha * (double) x[i], y[i], 1e-6, "y[" + i + "]");
        }
        assertEquals(before[length], y[length], "the element after length");
    }
}

package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sizes are checked before any work, and the message says which argument is wrong and what it needed. */
class MatrixKernelsArgumentsTest {

    private final MatrixKernels kernels = Kernels.create(2);
    private final float[] six = new float[6];
    private final float[] five = new float[5];
    private final float[] c = new float[4];

    @AfterEach
    void close() {
        kernels.close();
    }

    @Test
    void multiplyNamesTheShortArgument() {
        assertRejected("a has 5 elements, but m * k = 2 * 3 = 6 are needed",
                () -> kernels.multiply(2, 2, 3, five, six, c, 0f));
        assertRejected("b has 5 elements, but k * n = 3 * 2 = 6 are needed",
                () -> kernels.multiply(2, 2, 3, six, five, c, 0f));
        assertRejected("c has 4 elements, but m * n = 2 * 3 = 6 are needed",
                () -> kernels.multiply(2, 3, 2, new float[4], six, c, 0f));
    }

    @Test
    void multiplyTransposedANamesTheShortArgument() {
        assertRejected("a has 5 elements, but k * m = 3 * 2 = 6 are needed",
                () -> kernels.multiplyTransposedA(2, 2, 3, 1f, five, six, c, 0f));
        assertRejected("b has 5 elements, but k * n = 3 * 2 = 6 are needed",
                () -> kernels.multiplyTransposedA(2, 2, 3, 1f, six, five, c, 0f));
    }

    @Test
    void multiplyTransposedBNamesTheShortArgument() {
        assertRejected("a has 5 elements, but m * k = 2 * 3 = 6 are needed",
                () -> kernels.multiplyTransposedB(2, 2, 3, five, six, c, 0f));
        assertRejected("b has 5 elements, but n * k = 2 * 3 = 6 are needed",
                () -> kernels.multiplyTransposedB(2, 2, 3, six, five, c, 0f));
    }

    @Test
    void sizesMustBePositive() {
        assertRejected("m, n and k must be >= 1, got m=0 n=2 k=3",
                () -> kernels.multiply(0, 2, 3, six, six, c, 0f));
        assertRejected("m, n and k must be >= 1, got m=2 n=2 k=-1",
                () -> kernels.multiplyTransposedB(2, 2, -1, six, six, c, 0f));
    }

    @Test
    void addScaledChecksLengthAndBothArrays() {
        assertRejected("length must be >= 0, got -1", () -> kernels.addScaled(-1, 1f, six, six));
        assertRejected("x has 5 elements, but length = 6 are needed", () -> kernels.addScaled(6, 1f, five, six));
        assertRejected("y has 5 elements, but length = 6 are needed", () -> kernels.addScaled(6, 1f, six, five));
    }

    @Test
    void aMissingArrayIsNamed() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> kernels.multiply(2, 2, 3, six, null, c, 0f));
        assertEquals("b", thrown.getMessage());
    }

    @Test
    void aRejectedCallLeavesTheOutputAlone() {
        // given C with content, when the call is rejected, then C is untouched
        float[] output = { 1f, 2f, 3f, 4f };
        assertThrows(IllegalArgumentException.class, () -> kernels.multiply(2, 2, 3, six, five, output, 0f));
        assertEquals("[1.0, 2.0, 3.0, 4.0]", Arrays.toString(output));
    }

    @Test
    void threadsMustBePositive() {
        assertRejected("threads must be >= 1, got 0", () -> Kernels.create(0));
        assertRejected("threads must be >= 1, got -2", () -> Kernels.scalar(-2));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}

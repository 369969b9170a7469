package org.neuromesh.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** The three matrix products, called through {@link MatrixKernels} and computed naively in double for reference. */
enum Product {

    MULTIPLY {
        @Override
        void run(MatrixKernels kernels, Shape s, float alpha, float[] a, float[] b, float[] c, float beta) {
            kernels.multiply(s.m(), s.n(), s.k(), a, b, c, beta);
        }
    },
    TRANSPOSED_A {
        @Override
        void run(MatrixKernels kernels, Shape s, float alpha, float[] a, float[] b, float[] c, float beta) {
            kernels.multiplyTransposedA(s.m(), s.n(), s.k(), alpha, a, b, c, beta);
        }

        @Override
        double a(float[] a, Shape s, int i, int p) {
            return a[p * s.m() + i];
        }

        @Override
        double b(float[] b, Shape s, int p, int j) {
            return b[p * s.n() + j];
        }

        @Override
        boolean hasAlpha() {
            return true;
        }
    },
    SPARSE_A {
        @Override
        void run(MatrixKernels kernels, Shape s, float alpha, float[] a, float[] b, float[] c, float beta) {
            kernels.multiplySparseA(s.m(), s.n(), s.k(), a, b, c);
        }

        @Override
        boolean hasBeta() {
            return false;
        }

        @Override
        float[] inputA(SplittableRandom random, Shape s) {
            float[] a = randoms(random, s.m() * s.k());
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(4) == 0 ? a[i] : 0f; // three in four silent, as in a sparse layer
            }
            return a;
        }
    },
    TRANSPOSED_B {
        @Override
        void run(MatrixKernels kernels, Shape s, float alpha, float[] a, float[] b, float[] c, float beta) {
            kernels.multiplyTransposedB(s.m(), s.n(), s.k(), a, b, c, beta);
        }

        @Override
        double a(float[] a, Shape s, int i, int p) {
            return a[i * s.k() + p];
        }

        @Override
        double b(float[] b, Shape s, int p, int j) {
            return b[j * s.k() + p];
        }
    };

    /** Relative to the sum of the magnitudes of the terms, so cancellation does not make it fail spuriously. */
    static final double TOLERANCE = 1e-4;

    /** C[m x n] from A and B; A holds m * k and B k * n elements for every product. */
    record Shape(int m, int n, int k) {
        @Override
        public String toString() {
            return m + "x" + n + "x" + k;
        }
    }

    abstract void run(MatrixKernels kernels, Shape s, float alpha, float[] a, float[] b, float[] c, float beta);

    /** A(i, p) as the product reads it (row-major A[m x k] unless the product says otherwise). */
    double a(float[] a, Shape s, int i, int p) {
        return a[i * s.k() + p];
    }

    /** B(p, j) as the product reads it (row-major B[k x n] unless the product says otherwise). */
    double b(float[] b, Shape s, int p, int j) {
        return b[p * s.n() + j];
    }

    /** Whether the call takes beta (the others ignore C's old content). */
    boolean hasBeta() {
        return true;
    }

    /** A random A for this product. */
    float[] inputA(SplittableRandom random, Shape s) {
        return randoms(random, s.m() * s.k());
    }

    /** Whether the call takes alpha (the others always use 1). */
    boolean hasAlpha() {
        return false;
    }

    /** Checks c against beta * before + alpha * A * B, computed in double, element by element. */
    void assertResult(Shape s, float alpha, float[] a, float[] b, float[] before, float beta, float[] c) {
        double effectiveAlpha = hasAlpha() ? alpha : 1;
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < s.k(); p++) {
                    double term = a(a, s, i, p) * b(b, s, p, j);
                    sum += term;
                    magnitude += Math.abs(term);
                }
                double old = beta == 0f ? 0 : beta * (double) before[i * s.n() + j];
                double expected = old + effectiveAlpha * sum;
                double allowed = TOLERANCE * (Math.abs(old) + Math.abs(effectiveAlpha) * magnitude) + 1e-30;
                float actual = c[i * s.n() + j];
                if (!(Math.abs(actual - expected) <= allowed)) {
                    fail(this + " " + s + " alpha " + alpha + " beta " + beta + ": C[" + i + "][" + j + "] = "
                            + actual + ", expected " + expected + " within " + allowed);
                }
            }
        }
        for (int i = s.m() * s.n(); i < c.length; i++) {
            assertEquals(before[i], c[i], "element " + i + " after C was written");
        }
    }

    static float[] randoms(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}

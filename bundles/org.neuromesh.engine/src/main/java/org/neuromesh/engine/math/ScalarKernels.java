package org.neuromesh.engine.math;

import java.util.Arrays;

/**
 * Plain Java loops: the fallback when the Vector API is missing. multiply and transposedA add scaled rows of B to a
 * row of C (contiguous inner loops); the dot products of transposedB keep four partial sums to hide the add latency.
 */
final class ScalarKernels extends AbstractKernels {

    /** @param note why the scalar kernels were chosen, or null */
    ScalarKernels(int threads, String note) {
        // 64k multiply-adds take ~20 us here, several times the cost of a hand-over
        super(threads, 1L << 16, "scalar", note);
    }

    @Override
    int rowGrain() {
        return 1;
    }

    @Override
    int columnGrain() {
        return 16;
    }

    @Override
    void computeBlock(Call call, int thread, int i0, int i1, int j0, int j1) {
        if (call.op == Op.TRANSPOSED_B) {
            dotProducts(call, i0, i1, j0, j1);
        } else {
            axpyRows(call, i0, i1, j0, j1);
        }
    }

    @Override
    void addScaledRange(int from, int to, float alpha, float[] x, float[] y) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * multiply, transposedA and sparseA: each row of C gets beta * C, then alpha * A(i, p) * row p of B for every p
     * (for sparseA, every p where A(i, p) is not zero).
     */
    private static void axpyRows(Call call, int i0, int i1, int j0, int j1) {
        int m = call.m, n = call.n, k = call.k;
        float[] a = call.a, b = call.b, c = call.c;
        boolean transposedA = call.op == Op.TRANSPOSED_A;
        boolean skipZeros = call.op == Op.SPARSE_A;
        for (int i = i0; i < i1; i++) {
            int row = i * n;
            scale(c, row + j0, row + j1, call.beta);
            for (int p = 0; p < k; p++) {
                float s = call.alpha * (transposedA ? a[p * m + i] : a[i * k + p]);
                if (skipZeros && s == 0f) {
                    continue;
                }
                int bp = p * n;
                for (int j = j0; j < j1; j++) {
                    c[row + j] += s * b[bp + j];
                }
            }
        }
    }

    private static void dotProducts(Call call, int i0, int i1, int j0, int j1) {
        int n = call.n, k = call.k;
        float[] a = call.a, b = call.b, c = call.c;
        float beta = call.beta;
        for (int i = i0; i < i1; i++) {
            int ai = i * k;
            for (int j = j0; j < j1; j++) {
                int bj = j * k;
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                int p = 0;
                for (; p + 4 <= k; p += 4) {
                    s0 += a[ai + p] * b[bj + p];
                    s1 += a[ai + p + 1] * b[bj + p + 1];
                    s2 += a[ai + p + 2] * b[bj + p + 2];
                    s3 += a[ai + p + 3] * b[bj + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[ai + p] * b[bj + p];
                }
                float sum = (s0 + s1) + (s2 + s3);
                int ci = i * n + j;
                c[ci] = beta == 0f ? sum : beta * c[ci] + sum;
            }
        }
    }

    /** c[from, to) *= beta; beta == 0 overwrites, whatever was there (NaN included). */
    private static void scale(float[] c, int from, int to, float beta) {
        if (beta == 0f) {
            Arrays.fill(c, from, to, 0f);
        } else if (beta != 1f) {
            for (int j = from; j < to; j++) {
                c[j] *= beta;
            }
        }
    }
}

package org.neuromesh.engine.math;

/** PLACEHOLDER until branch kernels lands. */
public final class Kernels {
    private Kernels() {
    }

    public static MatrixKernels create(int threads) {
        return scalar(threads);
    }

    public static boolean vectorAvailable() {
        return false;
    }

    public static MatrixKernels scalar(int threads) {
        return new MatrixKernels() {
            public void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) {
                    float s = 0; for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                    c[i * n + j] = (beta == 0 ? 0 : beta * c[i * n + j]) + s;
                }
            }
            public void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) c[i * n + j] = beta == 0 ? 0 : beta * c[i * n + j];
                    for (int p = 0; p < k; p++) { float x = a[i * k + p]; for (int j = 0; j < n; j++) c[i * n + j] += x * b[p * n + j]; }
                }
            }
            public void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta) {
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[i * n + j] = beta == 0 ? 0 : beta * c[i * n + j];
                for (int p = 0; p < k; p++) for (int i = 0; i < m; i++) {
                    float x = alpha * a[p * m + i]; if (x == 0) continue;
                    for (int j = 0; j < n; j++) c[i * n + j] += x * b[p * n + j];
                }
            }
            public void addScaled(int length, float alpha, float[] x, float[] y) {
                for (int i = 0; i < length; i++) y[i] += alpha * x[i];
            }
            public String description() { return "placeholder scalar"; }
            public int threads() { return 1; }
            public void close() { }
        };
    }
}

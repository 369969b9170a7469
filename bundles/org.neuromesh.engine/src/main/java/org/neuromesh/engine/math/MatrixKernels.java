package org.neuromesh.engine.math;

/** PLACEHOLDER until branch kernels lands: same interface, naive scalar loops. */
public interface MatrixKernels extends org.neuromesh.api.learning.MatrixMath, AutoCloseable {
    void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta);
    void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta);
    void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta);
    void addScaled(int length, float alpha, float[] x, float[] y);
    String description();
    int threads();
    @Override
    void close();
}

package org.neuromesh.engine.math;

import org.neuromesh.api.learning.MatrixMath;

/**
 * Dense float matrix products for training: all matrices row-major, dense, starting at index 0 of their arrays (an
 * array may be longer than needed). Sizes are checked before any work; a call never allocates memory proportional to
 * the sizes once an instance has seen them.
 *
 * <p>An instance owns its worker threads: close it when done. Calls on one instance are serialised; {@code c} (or
 * {@code y}) must not share its array with an input. Rules see an instance as the API's {@link MatrixMath}. Results do not depend on the number of threads.
 */
public interface MatrixKernels extends MatrixMath, AutoCloseable {

    /** C[m x n] = beta * C + A[m x k] * B[n x k]^T (forward pass: X · W^T). beta == 0 ignores C's old content. */
    @Override
    void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta);

    /** C[m x n] = beta * C + A[m x k] * B[k x n] (e.g. delta · W). beta == 0 ignores C's old content. */
    @Override
    void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta);

    /**
     * C[m x n] = beta * C + alpha * A[k x m]^T * B[k x n] (weight update: delta^T · X, summed over the batch k).
     * beta == 0 ignores C's old content.
     */
    @Override
    void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta);

    /**
     * C[m x n] = A[m x k] * B[k x n], skipping the zero entries of A: the work is proportional to A's non-zeros, so
     * a sparse A (the releases of a layer of threshold-gating nodes, most of them silent) costs less than
     * {@link #multiply}. Zeros are skipped, not multiplied, so an infinite or NaN entry of B meets only the non-zero
     * entries of A. C's old content is ignored.
     */
    void multiplySparseA(int m, int n, int k, float[] a, float[] b, float[] c);

    /** y[i] += alpha * x[i] for i &lt; length (bias and weight updates). */
    @Override
    void addScaled(int length, float alpha, float[] x, float[] y);

    /** Human-readable, e.g. "Vector API, 512-bit FloatVector, 2 threads". */
    String description();

    /** The number of threads a large call is split across, the calling thread included. */
    int threads();

    /** Stops the worker threads; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}

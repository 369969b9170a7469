package org.neuromesh.api.learning;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's dense matrix routines, offered to rules through {@link LearningStep#math()} so that a rule written
 * against this API alone runs as fast as the engine (vectorised, on every core). Matrices are row-major float
 * arrays starting at index 0.
 */
@ProviderType
public interface MatrixMath {

    /** {@code C[m x n] = beta * C + A[m x k] * B[n x k]^T}; with beta 0, C's old content is ignored. */
    void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta);

    /** {@code C[m x n] = beta * C + A[m x k] * B[k x n]}. */
    void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta);

    /**
     * {@code C[m x n] = beta * C + alpha * A[k x m]^T * B[k x n]}: with A the per-sample node signals and B the
     * pre-synaptic activity, both batch-major, this is the batch-summed weight change.
     */
    void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta);

    /** {@code y[i] += alpha * x[i]} for {@code i < length}. */
    void addScaled(int length, float alpha, float[] x, float[] y);
}

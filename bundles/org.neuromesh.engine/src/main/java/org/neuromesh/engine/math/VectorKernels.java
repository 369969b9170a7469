package org.neuromesh.engine.math;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked Vector API kernels. Loaded only by name from {@link Kernels}, so that nothing else in the bundle
 * needs {@code jdk.incubator.vector}.
 *
 * <p>All three products run one axpy-form micro-kernel: it keeps an 8-row x 3-vector tile of C in 24 vector
 * registers, and for every p broadcasts A(i, p) of the 8 rows and multiply-adds them with 3 vectors of row p of B.
 * For transposedB each chunk first transposes its slice of B into scratch: measured here (128x256x784, AVX-512,
 * one thread) that plus the axpy kernel ran about 30% faster than a dot-product kernel (4x4 accumulators, lanes
 * reduced at the end), which loads a vector per two multiply-adds where the axpy kernel loads one per eight.
 *
 * <p>Edges are handled without masked loads (slow on Java 17): fewer than 8 rows are copied into a zero-padded
 * panel, the last partial vector of columns of B into a zero-padded strip, and the tile is written to C by
 * {@link #store}, which handles alpha, beta and ragged edges.
 */
final class VectorKernels extends AbstractKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    /** Read reflectively by {@link Kernels}. */
    static final int PREFERRED_BITS = S.vectorBitSize();
    private static final int TILE_ROWS = 8;
    private static final int TILE_WIDTH = 3 * V;
    /** sparseA keeps a strip of this many columns of a row of C in registers (8 vectors). */
    private static final int SPARSE_STRIP = 8 * V;

    /** Per-thread scratch; arrays grow to the largest call seen and are then reused. */
    private static final class Scratch {
        final float[] tile = new float[TILE_ROWS * TILE_WIDTH];
        float[] rowPanel = new float[0];
        float[] columnStrip = new float[0];
        float[] transposed = new float[0];
        /** The call whose whole B {@link #transposed} holds (row chunks all need all of it), or -1. */
        long transposedCall = -1;
        /** sparseA: offsets into B (p * n) and values of the non-zeros of A's rows, and where each row's end. */
        int[] sparseOffset = new int[0];
        float[] sparseValue = new float[0];
        int[] sparseEnd = new int[0];
    }

    private final Scratch[] scratch;

    VectorKernels(int threads) {
        // Measured here: 1M multiply-adds (~15 us on one core) gain from a second thread, 300k (~8 us) lose.
        super(threads, 1L << 20, "Vector API, " + PREFERRED_BITS + "-bit FloatVector", null);
        scratch = new Scratch[threads];
        Arrays.setAll(scratch, part -> new Scratch());
    }

    @Override
    int rowGrain() {
        return TILE_ROWS;
    }

    @Override
    int columnGrain() {
        return TILE_WIDTH;
    }

    @Override
    void computeBlock(Call call, int thread, int i0, int i1, int j0, int j1) {
        Scratch s = scratch[thread];
        int m = call.m, n = call.n, k = call.k;
        switch (call.op) {
            case MULTIPLY -> gemm(s, call, i0, i1, j0, j1, k, 1, call.b, j0, n);
            case TRANSPOSED_A -> gemm(s, call, i0, i1, j0, j1, 1, m, call.b, j0, n);
            case TRANSPOSED_B -> {
                int width = j1 - j0;
                boolean whole = width == n;
                if (!whole || s.transposedCall != call.id) {
                    if (s.transposed.length < k * width) {
                        s.transposed = new float[k * width];
                    }
                    transpose(call.b, k, j0, j1, s.transposed);
                    s.transposedCall = whole ? call.id : -1;
                }
                gemm(s, call, i0, i1, j0, j1, k, 1, s.transposed, 0, width);
            }
            case SPARSE_A -> sparseRows(s, call, i0, i1, j0, j1);
            default -> throw new IllegalStateException(call.op.toString());
        }
    }

    @Override
    void addScaledRange(int from, int to, float alpha, float[] x, float[] y) {
        FloatVector scale = FloatVector.broadcast(S, alpha);
        int i = from;
        for (; i + V <= to; i += V) {
            FloatVector.fromArray(S, x, i).fma(scale, FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * C[i0:i1, j0:j1] = beta * C + alpha * A * B, where A(i, p) = call.a[i * rowStride + p * columnStride] and
     * B(p, j) = b[bOffset + p * ldb + (j - j0)].
     */
    private static void gemm(Scratch s, Call call, int i0, int i1, int j0, int j1, int rowStride, int columnStride,
            float[] b, int bOffset, int ldb) {
        int n = call.n, k = call.k;
        int width = j1 - j0;
        int fullWidth = width / V * V;
        int rest = width - fullWidth;
        if (rest > 0) {
            s.columnStrip = copyColumnStrip(b, bOffset + fullWidth, ldb, k, rest, s.columnStrip);
        }
        for (int i = i0; i < i1; i += TILE_ROWS) {
            int rows = Math.min(TILE_ROWS, i1 - i);
            float[] a = call.a;
            int aOffset = i * rowStride, rs = rowStride, cs = columnStride;
            if (rows < TILE_ROWS) {
                s.rowPanel = copyRowPanel(a, aOffset, rowStride, columnStride, rows, k, s.rowPanel);
                a = s.rowPanel;
                aOffset = 0;
                rs = 1;
                cs = TILE_ROWS;
            }
            int cOffset = i * n + j0;
            int j = 0;
            for (; j + TILE_WIDTH <= fullWidth; j += TILE_WIDTH) {
                wideKernel(a, aOffset, rs, cs, b, bOffset + j, ldb, k, s.tile);
                store(s.tile, rows, TILE_WIDTH, call.c, cOffset + j, n, call.alpha, call.beta);
            }
            for (; j < fullWidth; j += V) {
                narrowKernel(a, aOffset, rs, cs, b, bOffset + j, ldb, k, s.tile);
                store(s.tile, rows, V, call.c, cOffset + j, n, call.alpha, call.beta);
            }
            if (rest > 0) {
                narrowKernel(a, aOffset, rs, cs, s.columnStrip, 0, V, k, s.tile);
                store(s.tile, rows, rest, call.c, cOffset + j, n, call.alpha, call.beta);
            }
        }
    }

    /**
     * sparseA for rows [i0, i1): lists each row's non-zeros of A once, then, strip by strip of columns, adds
     * A(i, p) * B(p, strip) for every listed p into registers and stores the strip. A strip of B (k x 8 vectors)
     * stays in cache while the rows of the chunk pass over it.
     */
    private static void sparseRows(Scratch s, Call call, int i0, int i1, int j0, int j1) {
        int n = call.n, k = call.k, rows = i1 - i0;
        float[] a = call.a, b = call.b, c = call.c;
        if (s.sparseOffset.length < rows * k) {
            s.sparseOffset = new int[rows * k];
            s.sparseValue = new float[rows * k];
        }
        if (s.sparseEnd.length < rows) {
            s.sparseEnd = new int[rows];
        }
        int[] offset = s.sparseOffset;
        float[] value = s.sparseValue;
        int[] end = s.sparseEnd;
        int count = 0;
        for (int r = 0; r < rows; r++) {
            // written without a branch: whether an input is zero is close to a coin toss, which branches mispredict
            for (int p = 0, ap = (i0 + r) * k; p < k; p++) {
                float x = a[ap + p];
                offset[count] = p * n;
                value[count] = x;
                count += x != 0f ? 1 : 0;
            }
            end[r] = count;
        }
        int j = j0;
        for (; j + SPARSE_STRIP <= j1; j += SPARSE_STRIP) {
            for (int r = 0, from = 0; r < rows; from = end[r], r++) {
                sparseStrip(offset, value, from, end[r], b, j, c, (i0 + r) * n + j);
            }
        }
        for (; j + V <= j1; j += V) {
            for (int r = 0, from = 0; r < rows; from = end[r], r++) {
                FloatVector sum = FloatVector.zero(S);
                for (int q = from; q < end[r]; q++) {
                    sum = FloatVector.broadcast(S, value[q]).fma(FloatVector.fromArray(S, b, offset[q] + j), sum);
                }
                sum.intoArray(c, (i0 + r) * n + j);
            }
        }
        if (j < j1) {
            // the last columns (fewer than a vector): row by row, each listed row of B read where it is contiguous
            for (int r = 0, from = 0; r < rows; from = end[r], r++) {
                int row = (i0 + r) * n;
                java.util.Arrays.fill(c, row + j, row + j1, 0f);
                for (int q = from; q < end[r]; q++) {
                    float x = value[q];
                    for (int t = j, bp = offset[q] + j; t < j1; t++, bp++) {
                        c[row + t] += x * b[bp];
                    }
                }
            }
        }
    }

    /** c[cOffset, +8V) = sum over q in [from, to) of value[q] * b[offset[q] + j, +8V). */
    private static void sparseStrip(int[] offset, float[] value, int from, int to, float[] b, int j, float[] c,
            int cOffset) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int q = from; q < to; q++) {
            FloatVector x = FloatVector.broadcast(S, value[q]);
            int bp = offset[q] + j;
            c0 = x.fma(FloatVector.fromArray(S, b, bp), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, bp + V), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, bp + 2 * V), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, bp + 3 * V), c3);
            c4 = x.fma(FloatVector.fromArray(S, b, bp + 4 * V), c4);
            c5 = x.fma(FloatVector.fromArray(S, b, bp + 5 * V), c5);
            c6 = x.fma(FloatVector.fromArray(S, b, bp + 6 * V), c6);
            c7 = x.fma(FloatVector.fromArray(S, b, bp + 7 * V), c7);
        }
        c0.intoArray(c, cOffset);
        c1.intoArray(c, cOffset + V);
        c2.intoArray(c, cOffset + 2 * V);
        c3.intoArray(c, cOffset + 3 * V);
        c4.intoArray(c, cOffset + 4 * V);
        c5.intoArray(c, cOffset + 5 * V);
        c6.intoArray(c, cOffset + 6 * V);
        c7.intoArray(c, cOffset + 7 * V);
    }

    /** C[r, j] = beta * C[r, j] + alpha * tile[r, j] for r &lt; rows, j &lt; columns; beta == 0 ignores C. */
    private static void store(float[] tile, int rows, int columns, float[] c, int cOffset, int ldc, float alpha,
            float beta) {
        FloatVector alphas = FloatVector.broadcast(S, alpha), betas = FloatVector.broadcast(S, beta);
        for (int r = 0; r < rows; r++) {
            int t = r * TILE_WIDTH, o = cOffset + r * ldc, j = 0;
            for (; j + V <= columns; j += V) {
                FloatVector sum = FloatVector.fromArray(S, tile, t + j).mul(alphas);
                if (beta != 0f) {
                    sum = FloatVector.fromArray(S, c, o + j).fma(betas, sum);
                }
                sum.intoArray(c, o + j);
            }
            for (; j < columns; j++) {
                float sum = alpha * tile[t + j];
                c[o + j] = beta == 0f ? sum : beta * c[o + j] + sum;
            }
        }
    }

    /** Copies rows of A into panel[p * 8 + r], zero-padded to 8 rows. */
    private static float[] copyRowPanel(float[] a, int aOffset, int rowStride, int columnStride, int rows, int k,
            float[] panel) {
        float[] out = panel.length >= TILE_ROWS * k ? panel : new float[TILE_ROWS * k];
        for (int p = 0; p < k; p++) {
            int ap = aOffset + p * columnStride, o = p * TILE_ROWS;
            for (int r = 0; r < TILE_ROWS; r++) {
                out[o + r] = r < rows ? a[ap + r * rowStride] : 0f;
            }
        }
        return out;
    }

    /** Copies the last {@code columns} (&lt; V) columns of B into strip[p * V + j], zero-padded to V columns. */
    private static float[] copyColumnStrip(float[] b, int bOffset, int ldb, int k, int columns, float[] strip) {
        float[] out = strip.length >= V * k ? strip : new float[V * k];
        for (int p = 0; p < k; p++) {
            int bp = bOffset + p * ldb, o = p * V;
            System.arraycopy(b, bp, out, o, columns);
            Arrays.fill(out, o + columns, o + V, 0f);
        }
        return out;
    }

    /** out[p * width + (j - j0)] = b[j * k + p] for j0 &lt;= j &lt; j1 (width = j1 - j0): B's rows become columns. */
    private static void transpose(float[] b, int k, int j0, int j1, float[] out) {
        final int block = 32; // fits a block of source and destination lines in L1
        int width = j1 - j0;
        for (int jb = j0; jb < j1; jb += block) {
            int je = Math.min(j1, jb + block);
            for (int pb = 0; pb < k; pb += block) {
                int pe = Math.min(k, pb + block);
                for (int j = jb; j < je; j++) {
                    int src = j * k, dst = j - j0;
                    for (int p = pb; p < pe; p++) {
                        out[p * width + dst] = b[src + p];
                    }
                }
            }
        }
    }

    /** Raw sums of an 8-row x 3-vector tile: tile[r * TILE_WIDTH + j] = sum over p of A(r, p) * B(p, j). */
    private static void wideKernel(float[] a, int aOffset, int rowStride, int columnStride, float[] b,
            int bOffset, int ldb, int k, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z;
        FloatVector c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z;
        FloatVector c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z;
        FloatVector c50 = z, c51 = z, c52 = z;
        FloatVector c60 = z, c61 = z, c62 = z;
        FloatVector c70 = z, c71 = z, c72 = z;
        for (int p = 0, ap = aOffset, bp = bOffset; p < k; p++, ap += columnStride, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + V);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * V);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ap + rowStride]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ap + 2 * rowStride]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ap + 3 * rowStride]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, a[ap + 4 * rowStride]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, a[ap + 5 * rowStride]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, a[ap + 6 * rowStride]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, a[ap + 7 * rowStride]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 0 + V);
        c02.intoArray(tile, 0 + 2 * V);
        c10.intoArray(tile, TILE_WIDTH);
        c11.intoArray(tile, TILE_WIDTH + V);
        c12.intoArray(tile, TILE_WIDTH + 2 * V);
        c20.intoArray(tile, 2 * TILE_WIDTH);
        c21.intoArray(tile, 2 * TILE_WIDTH + V);
        c22.intoArray(tile, 2 * TILE_WIDTH + 2 * V);
        c30.intoArray(tile, 3 * TILE_WIDTH);
        c31.intoArray(tile, 3 * TILE_WIDTH + V);
        c32.intoArray(tile, 3 * TILE_WIDTH + 2 * V);
        c40.intoArray(tile, 4 * TILE_WIDTH);
        c41.intoArray(tile, 4 * TILE_WIDTH + V);
        c42.intoArray(tile, 4 * TILE_WIDTH + 2 * V);
        c50.intoArray(tile, 5 * TILE_WIDTH);
        c51.intoArray(tile, 5 * TILE_WIDTH + V);
        c52.intoArray(tile, 5 * TILE_WIDTH + 2 * V);
        c60.intoArray(tile, 6 * TILE_WIDTH);
        c61.intoArray(tile, 6 * TILE_WIDTH + V);
        c62.intoArray(tile, 6 * TILE_WIDTH + 2 * V);
        c70.intoArray(tile, 7 * TILE_WIDTH);
        c71.intoArray(tile, 7 * TILE_WIDTH + V);
        c72.intoArray(tile, 7 * TILE_WIDTH + 2 * V);
    }

    /** As {@link #wideKernel}, for an 8-row x 1-vector tile. */
    private static void narrowKernel(float[] a, int aOffset, int rowStride, int columnStride, float[] b,
            int bOffset, int ldb, int k, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        FloatVector c4 = z, c5 = z, c6 = z, c7 = z;
        for (int p = 0, ap = aOffset, bp = bOffset; p < k; p++, ap += columnStride, bp += ldb) {
            FloatVector y = FloatVector.fromArray(S, b, bp);
            c0 = FloatVector.broadcast(S, a[ap]).fma(y, c0);
            c1 = FloatVector.broadcast(S, a[ap + rowStride]).fma(y, c1);
            c2 = FloatVector.broadcast(S, a[ap + 2 * rowStride]).fma(y, c2);
            c3 = FloatVector.broadcast(S, a[ap + 3 * rowStride]).fma(y, c3);
            c4 = FloatVector.broadcast(S, a[ap + 4 * rowStride]).fma(y, c4);
            c5 = FloatVector.broadcast(S, a[ap + 5 * rowStride]).fma(y, c5);
            c6 = FloatVector.broadcast(S, a[ap + 6 * rowStride]).fma(y, c6);
            c7 = FloatVector.broadcast(S, a[ap + 7 * rowStride]).fma(y, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, TILE_WIDTH);
        c2.intoArray(tile, 2 * TILE_WIDTH);
        c3.intoArray(tile, 3 * TILE_WIDTH);
        c4.intoArray(tile, 4 * TILE_WIDTH);
        c5.intoArray(tile, 5 * TILE_WIDTH);
        c6.intoArray(tile, 6 * TILE_WIDTH);
        c7.intoArray(tile, 7 * TILE_WIDTH);
    }
}

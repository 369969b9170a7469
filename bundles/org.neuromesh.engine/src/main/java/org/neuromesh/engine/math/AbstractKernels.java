package org.neuromesh.engine.math;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argument checks, threading and splitting shared by both implementations. A large call's output is cut into a few
 * chunks per thread, of whole rows or (see {@link #run}) whole columns, on multiples of the implementation's grain;
 * the calling thread and the workers claim chunks until none is left, each computing its chunks with
 * {@link #computeBlock}. Every element of C is computed by the same arithmetic whichever chunk it falls in, so the
 * results do not depend on the number of threads.
 */
abstract class AbstractKernels implements MatrixKernels {

    /** addScaled moves 12 bytes per element for 2 flops; splitting it only pays when it is long. */
    private static final int PARALLEL_LENGTH = 1 << 15;
    /** Chunks per thread: enough that a late or slow thread is balanced out, few enough to keep the tiles wide. */
    private static final int CHUNKS_PER_THREAD = 3;
    /** addScaled chunks start on multiples of this many elements, so that no two threads write one cache line. */
    private static final int ADD_GRAIN = 1024;

    enum Op {
        MULTIPLY, TRANSPOSED_A, TRANSPOSED_B, SPARSE_A, ADD_SCALED
    }

    /** The current call, set before the chunks run and cleared after (so that no array is kept alive). */
    static final class Call {
        /** Counts calls, so that per-thread scratch prepared for this call can be recognised. */
        long id;
        Op op;
        int m;
        int n;
        int k;
        float alpha;
        float beta;
        float[] a;
        float[] b;
        float[] c;
        boolean splitColumns;
        int chunks;
    }

    private final int threads;
    private final long parallelWork;
    private final String description;
    private final WorkerTeam team;
    private final Call call = new Call();
    private final AtomicInteger nextChunk = new AtomicInteger();
    private boolean closed;

    /**
     * @param parallelWork products with fewer multiply-adds (m * n * k) stay on the calling thread: handing work to
     *                     a worker and collecting it costs a few microseconds
     * @param note         a remark appended in parentheses to the description, or null
     */
    AbstractKernels(int threads, long parallelWork, String kind, String note) {
        this.threads = threads;
        this.parallelWork = parallelWork;
        this.description = kind + ", " + threads + (threads == 1 ? " thread" : " threads")
                + (note == null ? "" : " (" + note + ")");
        this.team = threads > 1 ? new WorkerTeam(threads, this::runChunks) : null;
    }

    /** Computes rows [i0, i1) x columns [j0, j1) of C for {@code call} on thread {@code thread} (0 = caller). */
    abstract void computeBlock(Call call, int thread, int i0, int i1, int j0, int j1);

    /** y[i] += alpha * x[i] for from &lt;= i &lt; to. */
    abstract void addScaledRange(int from, int to, float alpha, float[] x, float[] y);

    /** Row blocks start at multiples of this (the micro-kernel's height). */
    abstract int rowGrain();

    /** Column blocks start at multiples of this (the micro-kernel's width). */
    abstract int columnGrain();

    @Override
    public synchronized void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        checkSizes(m, n, k);
        require("a", a, m, k, "m * k");
        require("b", b, n, k, "n * k");
        require("c", c, m, n, "m * n");
        run(Op.TRANSPOSED_B, m, n, k, 1f, a, b, c, beta);
    }

    @Override
    public synchronized void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        checkSizes(m, n, k);
        require("a", a, m, k, "m * k");
        require("b", b, k, n, "k * n");
        require("c", c, m, n, "m * n");
        run(Op.MULTIPLY, m, n, k, 1f, a, b, c, beta);
    }

    @Override
    public synchronized void multiplySparseA(int m, int n, int k, float[] a, float[] b, float[] c) {
        checkSizes(m, n, k);
        require("a", a, m, k, "m * k");
        require("b", b, k, n, "k * n");
        require("c", c, m, n, "m * n");
        run(Op.SPARSE_A, m, n, k, 1f, a, b, c, 0f);
    }

    @Override
    public synchronized void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c,
            float beta) {
        checkSizes(m, n, k);
        require("a", a, k, m, "k * m");
        require("b", b, k, n, "k * n");
        require("c", c, m, n, "m * n");
        run(Op.TRANSPOSED_A, m, n, k, alpha, a, b, c, beta);
    }

    @Override
    public synchronized void addScaled(int length, float alpha, float[] x, float[] y) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        require("x", x, 1, length, "length");
        require("y", y, 1, length, "length");
        run(Op.ADD_SCALED, 1, length, 1, alpha, x, y, null, 0f);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (team != null) {
                team.close();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Runs a checked call, split into chunks when it is large enough (for addScaled n is the length). */
    private void run(Op op, int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta) {
        ensureOpen();
        set(op, m, n, k, alpha, a, b, c, beta);
        try {
            call.chunks = 1;
            if (team != null && op == Op.ADD_SCALED && n >= PARALLEL_LENGTH) {
                call.chunks = Math.min(threads * CHUNKS_PER_THREAD, ceilDiv(n, ADD_GRAIN));
            } else if (team != null && op != Op.ADD_SCALED && (long) m * n * k >= parallelWork) {
                // transposedB splits columns when it can: each chunk then transposes only its own slice of B.
                // sparseA splits rows only: each chunk lists the non-zeros of its own rows once.
                call.splitColumns = op == Op.TRANSPOSED_B ? n >= threads * columnGrain()
                        : op != Op.SPARSE_A && m < threads * rowGrain();
                int units = call.splitColumns ? ceilDiv(n, columnGrain()) : ceilDiv(m, rowGrain());
                call.chunks = Math.min(threads * CHUNKS_PER_THREAD, units);
            }
            if (call.chunks == 1) {
                computeChunk(0, 0);
            } else {
                nextChunk.set(0);
                team.run(Math.min(threads, call.chunks) - 1);
            }
        } finally {
            set(null, 0, 0, 0, 0f, null, null, null, 0f);
        }
    }

    /** Claims and computes chunks of the current call until none is left; runs on the caller and the workers. */
    private void runChunks(int thread) {
        int chunks = call.chunks;
        for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
            computeChunk(thread, chunk);
        }
    }

    private void computeChunk(int thread, int chunk) {
        Call call = this.call;
        int chunks = call.chunks;
        if (call.op == Op.ADD_SCALED) {
            addScaledRange(bound(call.n, ADD_GRAIN, chunk, chunks), bound(call.n, ADD_GRAIN, chunk + 1, chunks),
                    call.alpha, call.a, call.b);
        } else if (call.splitColumns) {
            int grain = columnGrain();
            computeBlock(call, thread, 0, call.m, bound(call.n, grain, chunk, chunks),
                    bound(call.n, grain, chunk + 1, chunks));
        } else {
            int grain = rowGrain();
            computeBlock(call, thread, bound(call.m, grain, chunk, chunks), bound(call.m, grain, chunk + 1, chunks),
                    0, call.n);
        }
    }

    private void set(Op op, int m, int n, int k, float alpha, float[] a, float[] b, float[] c, float beta) {
        if (op != null) {
            call.id++;
        }
        call.op = op;
        call.m = m;
        call.n = n;
        call.k = k;
        call.alpha = alpha;
        call.beta = beta;
        call.a = a;
        call.b = b;
        call.c = c;
        call.splitColumns = false;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("kernels closed: " + description);
        }
    }

    /** Start of chunk {@code chunk} of {@code chunks} over [0, size), on a multiple of grain (or size itself). */
    private static int bound(int size, int grain, int chunk, int chunks) {
        long units = ceilDiv(size, grain);
        return (int) Math.min(size, units * chunk / chunks * grain);
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static void checkSizes(int m, int n, int k) {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException("m, n and k must be >= 1, got m=" + m + " n=" + n + " k=" + k);
        }
    }

    private static void require(String name, float[] array, int rows, int columns, String formula) {
        Objects.requireNonNull(array, name);
        long needed = (long) rows * columns;
        if (array.length < needed) {
            String sizes = formula.contains("*") ? formula + " = " + rows + " * " + columns + " = " + needed
                    : formula + " = " + needed;
            throw new IllegalArgumentException(
                    name + " has " + array.length + " elements, but " + sizes + " are needed");
        }
    }
}

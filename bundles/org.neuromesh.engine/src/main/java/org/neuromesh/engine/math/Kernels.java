package org.neuromesh.engine.math;

/**
 * Creates {@link MatrixKernels}. Holds no state: every call makes a new instance with its own worker threads.
 *
 * <p>The Vector API implementation is only ever loaded by name, here, so that this class and the scalar kernels load
 * and work on a JVM started without {@code --add-modules=jdk.incubator.vector}.
 */
public final class Kernels {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNELS = "org.neuromesh.engine.math.VectorKernels";
    /** Below this the vector code would be no faster than the JIT's own auto-vectorised scalar loops. */
    private static final int MIN_VECTOR_BITS = 256;

    private Kernels() {
    }

    /**
     * The fastest kernels this JVM can run: the Vector API implementation if {@link #vectorAvailable()}, else the
     * scalar one, whose description says why.
     *
     * @param threads how many threads a large call is split across, the calling thread included; &gt;= 1
     */
    public static MatrixKernels create(int threads) {
        requireThreads(threads);
        String reason = vectorUnavailableReason();
        if (reason == null) {
            try {
                return (MatrixKernels) Class.forName(VECTOR_KERNELS, true, Kernels.class.getClassLoader())
                        .getDeclaredConstructor(int.class).newInstance(threads);
            } catch (ReflectiveOperationException | LinkageError e) {
                reason = "Vector API kernels failed to start: " + e;
            }
        }
        return new ScalarKernels(threads, reason);
    }

    /**
     * Plain Java loops, on any JVM.
     *
     * @param threads how many threads a large call is split across, the calling thread included; &gt;= 1
     */
    public static MatrixKernels scalar(int threads) {
        requireThreads(threads);
        return new ScalarKernels(threads, null);
    }

    /** Whether {@link #create(int)} gives the Vector API implementation in this JVM. */
    public static boolean vectorAvailable() {
        return vectorUnavailableReason() == null;
    }

    /** Why the Vector API implementation cannot be used here, or null if it can. */
    private static String vectorUnavailableReason() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return VECTOR_MODULE + " not present";
        }
        try {
            // Initialising the class touches FloatVector: under OSGi this also proves the bundle can see the package.
            Class<?> type = Class.forName(VECTOR_KERNELS, true, Kernels.class.getClassLoader());
            int bits = type.getDeclaredField("PREFERRED_BITS").getInt(null);
            return bits >= MIN_VECTOR_BITS ? null : "preferred vector size is only " + bits + " bit";
        } catch (ReflectiveOperationException | LinkageError e) {
            return VECTOR_MODULE + " not usable: " + e;
        }
    }

    private static void requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}

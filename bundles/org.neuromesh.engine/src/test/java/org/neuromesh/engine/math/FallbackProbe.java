package org.neuromesh.engine.math;

import java.util.Arrays;

/** Run by {@link KernelsTest} in a JVM without jdk.incubator.vector: prints what {@link Kernels} gives there. */
public final class FallbackProbe {

    private FallbackProbe() {
    }

    public static void main(String[] args) {
        try (MatrixKernels kernels = Kernels.create(2)) {
            float[] c = new float[4];
            kernels.multiply(2, 2, 2, new float[] { 1, 2, 3, 4 }, new float[] { 5, 6, 7, 8 }, c, 0f);
            System.out.println("available=" + Kernels.vectorAvailable());
            System.out.println("description=" + kernels.description());
            System.out.println("product=" + Arrays.toString(c));
        }
    }
}

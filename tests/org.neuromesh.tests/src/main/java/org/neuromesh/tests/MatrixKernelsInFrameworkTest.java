package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Under Equinox, with the JVM flag the products and test runs have, the engine gets the Vector API kernels. */
class MatrixKernelsInFrameworkTest {

    @Test
    void theEngineImportsTheVectorApiFromTheSystemBundle() {
        // given the engine bundle, resolved in a framework whose JVM runs with --add-modules=jdk.incubator.vector
        Bundle engine = FrameworkUtil.getBundle(Kernels.class);
        List<BundleWire> wires = engine.adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        // then its optional import of jdk.incubator.vector is wired, to the system bundle
        assertTrue(wires.stream().anyMatch(wire -> "jdk.incubator.vector"
                .equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                && wire.getProvider().getBundle().getBundleId() == 0), wires.toString());
    }

    @Test
    void createGivesTheVectorKernelsAndTheyCompute() {
        try (MatrixKernels kernels = Kernels.create(2)) {
            assertTrue(kernels.description().startsWith("Vector API, "), kernels.description());
            float[] c = new float[4];
            kernels.multiply(2, 2, 2, new float[] { 1, 2, 3, 4 }, new float[] { 5, 6, 7, 8 }, c, 0f);
            assertArrayEquals(new float[] { 19, 22, 43, 50 }, c);
            assertEquals(2, kernels.threads());
        }
    }
}

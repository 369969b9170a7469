package org.neuromesh.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Small helpers for tests that run inside the real framework. */
final class Framework {

    private Framework() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Framework.class).getBundleContext();
    }

    /** Waits for a condition that the framework makes true asynchronously (DS, Config Admin). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}

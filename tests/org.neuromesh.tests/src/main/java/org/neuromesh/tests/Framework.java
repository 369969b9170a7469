package org.neuromesh.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Small helpers for tests that run inside the real framework. */
final class Framework {

    private Framework() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Framework.class).getBundleContext();
    }

    /**
     * Deletes the configurations of {@code pid} and waits until a service of {@code type} matching {@code filter} is
     * registered without one. Waiting for default property values is not enough: a service misconfigured by the last
     * test may carry the same values, and a configuration created while SCR still handles the deletion can then be
     * missed (a test once waited 10 s for a service that never came).
     */
    static void resetConfiguration(String pid, Class<?> type, String filter) throws Exception {
        BundleContext context = context();
        ServiceReference<ConfigurationAdmin> admin = context.getServiceReference(ConfigurationAdmin.class);
        try {
            Configuration[] configurations = context.getService(admin).listConfigurations("(service.pid=" + pid
                    + ")");
            if (configurations != null) {
                for (Configuration configuration : configurations) {
                    configuration.delete();
                }
            }
        } finally {
            context.ungetService(admin);
        }
        String unconfigured = "(&" + filter + "(!(service.pid=*)))";
        await(pid + " has no configuration any more", () -> {
            try {
                return !context.getServiceReferences(type, unconfigured).isEmpty();
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
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

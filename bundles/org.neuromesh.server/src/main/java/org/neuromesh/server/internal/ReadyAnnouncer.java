package org.neuromesh.server.internal;

import java.lang.management.ManagementFactory;

import org.neuromesh.api.provider.ProviderCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Prints one line when the framework has finished starting, so that users and scripts know the server is ready.
 * The line starts with {@value #READY} and says how long the start took.
 */
@Component(immediate = true, service = {})
public class ReadyAnnouncer {

    /** Scripts wait for this text. */
    public static final String READY = "NeuroMesh ready";

    private final BundleContext context;
    private final ProviderCatalog catalog;
    private final FrameworkListener listener = this::frameworkEvent;
    private boolean announced;

    @Activate
    public ReadyAnnouncer(BundleContext context, @Reference ProviderCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
        context.addFrameworkListener(listener);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            announce();
        }
    }

    @Deactivate
    void stop() {
        context.removeFrameworkListener(listener);
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            announce();
        }
    }

    private synchronized void announce() {
        if (announced) {
            return;
        }
        announced = true;
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        int count = catalog.providers().size();
        System.out.println(READY + " in " + millis + " ms: " + count + (count == 1 ? " provider." : " providers.")
                + " In the console, 'neuromesh:providers' lists them and 'help' all commands.");
    }
}

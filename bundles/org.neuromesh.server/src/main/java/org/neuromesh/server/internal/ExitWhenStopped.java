package org.neuromesh.server.internal;

import java.lang.System.Logger.Level;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Ends the server's process once its framework has stopped ({@code stop 0} in the console, or anything stopping the
 * system bundle). The Gogo shell reads the console on a thread of its own, not a daemon, blocked in a read: without
 * this the JVM lingered after the framework had stopped until the console's input ended (more than 30 s for product
 * peers whose console was a pipe). A framework that stops to restart itself ({@code update 0}) is left alone.
 */
@Component(immediate = true, service = {})
public class ExitWhenStopped {

    private static final System.Logger LOG = System.getLogger(ExitWhenStopped.class.getName());
    /** How long the framework may take to stop before the process ends anyway. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Bundle system;

    @Activate
    public ExitWhenStopped(BundleContext context) {
        this.system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
    }

    @Deactivate
    void deactivate() {
        if (system.getState() != Bundle.STOPPING || !(system instanceof Framework framework)) {
            return; // only this bundle stops (an update, a refresh): the server goes on
        }
        Thread exit = new Thread(() -> {
            try {
                FrameworkEvent stopped = framework.waitForStop(STOP_TIMEOUT_MILLIS);
                if (stopped.getType() == FrameworkEvent.STOPPED_UPDATE
                        || stopped.getType() == FrameworkEvent.STOPPED_SYSTEM_REFRESHED) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.DEBUG, "framework stopped: ending the process");
            System.exit(0);
        }, "neuromesh-exit-when-stopped");
        exit.setDaemon(true);
        exit.start();
    }
}

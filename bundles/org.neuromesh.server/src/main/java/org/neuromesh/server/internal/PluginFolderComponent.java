package org.neuromesh.server.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.server.PluginFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/** Watches the plug-in folder on its own thread. */
@Component(immediate = true, service = {}, configurationPid = PluginFolderConfig.PID)
@Designate(ocd = PluginFolderConfig.class)
public class PluginFolderComponent {

    private static final System.Logger LOG = System.getLogger(PluginFolderComponent.class.getName());

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "neuromesh-plugin-folder"));

    @Activate
    public PluginFolderComponent(BundleContext context, PluginFolderConfig config) {
        Path folder = Folders.resolve(context, config.folder(), "neuromesh.plugins.dir", "plugins");
        PluginFolder plugins = new PluginFolder(folder, new FrameworkBundles(context), Folders.report(LOG));
        LOG.log(Level.INFO, "Watching plug-in folder " + plugins.folder());
        poller.scheduleWithFixedDelay(plugins::scan, 0, Math.max(100, config.pollMillis()), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        poller.shutdownNow();
    }
}

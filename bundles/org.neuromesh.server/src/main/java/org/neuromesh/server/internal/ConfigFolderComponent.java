package org.neuromesh.server.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.server.ConfigFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Watches the configuration folder ({@code neuromesh.config.dir}, else {@code conf/} in the installation folder)
 * for {@code <pid>.cfg} files.
 */
@Component(immediate = true, service = {})
public class ConfigFolderComponent {

    private static final System.Logger LOG = System.getLogger(ConfigFolderComponent.class.getName());

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "neuromesh-config-folder"));

    @Activate
    public ConfigFolderComponent(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            @Reference MetaTypeService metaType) {
        Path folder = Folders.resolve(context, null, "neuromesh.config.dir", "conf");
        ConfigFolder configs = new ConfigFolder(folder,
                new MetatypeConfigurations(context, configurationAdmin, metaType), Folders.report(LOG));
        LOG.log(Level.INFO, "Watching configuration folder " + configs.folder());
        // at once: the files already there are in force before bundles of later start levels (the providers) start
        configs.scan();
        poller.scheduleWithFixedDelay(configs::scan, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        poller.shutdownNow();
    }
}

package org.neuromesh.tests.uiprobe;

import java.nio.file.Path;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Test-only bundle, dropped into a running workbench's plug-in folder by WorkbenchProductIT. Once the e4
 * workbench is up (it registers its IWorkbench service after creating the display), it reads the widgets on
 * the UI thread and prints them to standard output whenever they change, and carries out the commands a test gives
 * it; see {@link ScreenReader} and {@link WorkbenchCommands}.
 */
public class Activator implements BundleActivator {

    private static final String WORKBENCH_SERVICE = "org.eclipse.e4.ui.workbench.IWorkbench";
    /** The file a test appends commands to, see {@link WorkbenchCommands}. */
    static final String COMMANDS_PROPERTY = "neuromesh.uiprobe.commands";

    private ServiceTracker<Object, Object> workbench;
    private volatile ScreenReader reader;

    @Override
    public void start(BundleContext context) {
        workbench = new ServiceTracker<>(context, WORKBENCH_SERVICE, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object workbench = super.addingService(reference);
                if (reader == null) {
                    String commands = System.getProperty(COMMANDS_PROPERTY);
                    reader = new ScreenReader(Display.getDefault(), System.out, new WorkbenchCommands(
                            (IWorkbench) workbench, commands == null ? null : Path.of(commands)));
                    reader.start();
                }
                return workbench;
            }
        };
        workbench.open();
        System.out.println(ScreenReader.PREFIX + "started, waiting for the workbench");
    }

    @Override
    public void stop(BundleContext context) {
        workbench.close();
        if (reader != null) {
            reader.stop();
        }
    }
}

package org.neuromesh.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help > About NeuroMesh. */
public class AboutHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell) {
        MessageDialog.openInformation(shell, "About NeuroMesh Workbench", "NeuroMesh Workbench "
                + FrameworkUtil.getBundle(AboutHandler.class).getVersion()
                + "\n\nDistributed, forward-only neural learning: peers of threshold-gating nodes that learn"
                + " without backpropagation and learn together over MQTT.");
    }
}

package org.neuromesh.ui.inspector;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.ui.learning.LearningRuns;

import jakarta.inject.Named;

/**
 * File > Open checkpoint: shows a checkpoint ({@code *.nmc}) in the Cluster inspector. The command's optional
 * parameter names the file; without it a file dialog asks, starting in the workspace's runs folder.
 */
public class OpenCheckpointHandler {

    /** The command parameter holding the checkpoint's path. */
    public static final String FILE_PARAMETER = "org.neuromesh.ui.commandparameter.checkpoint";

    @Execute
    void execute(@Optional @Named(FILE_PARAMETER) String fileParameter, @Named("activeShell") Shell shell,
            EPartService parts) {
        java.util.Optional<Path> file = fileParameter != null ? java.util.Optional.of(Path.of(fileParameter))
                : chooseFile(shell);
        if (file.isEmpty()) {
            return;
        }
        MPart part = parts.showPart(ClusterInspectorPart.ID, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof ClusterInspectorPart inspector) {
            inspector.open(file.get().toAbsolutePath());
        }
    }

    /** Asks for a checkpoint file; empty if the dialog was cancelled. */
    static java.util.Optional<Path> chooseFile(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open checkpoint");
        dialog.setFilterExtensions(new String[] { "*.nmc", "*" });
        Path runs = LearningRuns.runsFolder();
        if (Files.isDirectory(runs)) {
            dialog.setFilterPath(runs.toString());
        }
        return java.util.Optional.ofNullable(dialog.open()).map(Path::of);
    }
}

package org.neuromesh.ui.experiment;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File > Open experiment: opens an experiment file ({@code *.nmx}) in the Experiment editor, or a new experiment
 * with the defaults under a name that does not exist yet (written on the first save). The command's optional
 * parameter names the file; without it a file dialog asks. A file open already is brought to the front.
 */
public class OpenExperimentHandler {

    /** The command parameter holding the file's path. */
    public static final String FILE_PARAMETER = "org.neuromesh.workbench.commandparameter.file";
    /** The editor's part descriptor. */
    static final String DESCRIPTOR = "org.neuromesh.ui.partdescriptor.experiment";

    /** Where editors open: the Experiment perspective's main stack. */
    static final String PERSPECTIVE = "org.neuromesh.workbench.perspective.experiment";
    static final String STACK = "org.neuromesh.workbench.partstack.main";

    @Execute
    void execute(@Optional @Named(FILE_PARAMETER) String fileParameter, @Named("activeShell") Shell shell,
            EPartService parts, EModelService models, MApplication application) {
        String chosen = fileParameter;
        if (chosen == null) {
            FileDialog dialog = new FileDialog(shell, SWT.SAVE);
            dialog.setText("Open or create an experiment");
            dialog.setFilterExtensions(new String[] { "*.nmx" });
            dialog.setOverwrite(false);
            chosen = dialog.open();
            if (chosen == null) {
                return;
            }
        }
        Path file = Path.of(chosen.endsWith(".nmx") ? chosen : chosen + ".nmx").toAbsolutePath();
        for (MPart open : parts.getParts()) {
            if (file.toString().equals(open.getPersistedState().get(ExperimentEditor.FILE))) {
                parts.showPart(open, EPartService.PartState.ACTIVATE);
                return;
            }
        }
        MPart editor = parts.createPart(DESCRIPTOR);
        editor.getPersistedState().put(ExperimentEditor.FILE, file.toString());
        editor.setLabel(file.getFileName().toString());
        editor.setTooltip(file.toString());
        models.findElements(application, PERSPECTIVE, MPerspective.class).forEach(parts::switchPerspective);
        MPartStack stack = (MPartStack) models.find(STACK, application);
        stack.getChildren().add(editor);
        parts.showPart(editor, EPartService.PartState.ACTIVATE);
    }
}

package org.neuromesh.ui.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Window > Experiment / Network: shows the perspective named by the command's parameter. */
public class SwitchPerspectiveHandler {

    /** The command parameter holding the perspective's element id. */
    public static final String PERSPECTIVE = "org.neuromesh.workbench.commandparameter.perspective";

    @Execute
    void execute(@Named(PERSPECTIVE) String perspectiveId, MApplication application, EModelService models,
            EPartService parts) {
        List<MPerspective> found = models.findElements(application, perspectiveId, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}

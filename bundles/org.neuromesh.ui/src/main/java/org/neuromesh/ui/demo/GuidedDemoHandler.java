package org.neuromesh.ui.demo;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Help > Guided Demo: the Network perspective with the demo's panel at its side. */
public class GuidedDemoHandler {

    static final String PERSPECTIVE = "org.neuromesh.workbench.perspective.network";
    /** The Network perspective's stack for the panel; not rendered while there is no demo. */
    static final String STACK = "org.neuromesh.workbench.partstack.guide";

    @Execute
    void execute(MApplication application, EModelService models, EPartService parts) {
        List<MPerspective> network = models.findElements(application, PERSPECTIVE, MPerspective.class);
        if (!network.isEmpty()) {
            parts.switchPerspective(network.get(0));
        }
        models.findElements(application, STACK, MPartStack.class).forEach(stack -> stack.setToBeRendered(true));
        parts.showPart(GuidedDemoPart.ID, PartState.ACTIVATE);
    }
}

package org.neuromesh.ui.learning;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingService;

import jakarta.inject.Named;

/**
 * Run > Run quick experiment: one epoch of the highest-ranked rule on 5,000 MNIST images, 1,000 more held out for
 * validation, 64 hidden nodes, as an Eclipse Job (its progress names the batch; cancelling it stops the run after
 * the current batch and keeps the checkpoint in the workspace): a check in seconds that training works end to end.
 * The Experiment editor's Run trains an experiment's own settings.
 */
public class RunQuickExperimentHandler {

    static final String PART = "org.neuromesh.ui.part.learning";
    @Execute
    void execute(@Optional @Service TrainingService training, IEventBroker events, EPartService parts,
            @Named("activeShell") Shell shell) {
        if (training == null) {
            MessageDialog.openError(shell, "Run quick experiment", "The training service is not running: the bundle"
                    + " org.neuromesh.training is missing or stopped.");
            return;
        }
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(64), 1, 64, 1, "none", "none", "constant", "paper",
                1000, 5000, LearningRuns.checkpoint("quick"));
        LearningRuns.run("Quick experiment", training, plan, events, parts);
    }
}

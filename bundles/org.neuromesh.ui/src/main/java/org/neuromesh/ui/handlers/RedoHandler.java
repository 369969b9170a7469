package org.neuromesh.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.neuromesh.ui.experiment.ExperimentEditor;

import jakarta.inject.Named;

/** Edit > Redo (Ctrl+Shift+Z or Ctrl+Y): makes again the edit the active experiment editor last took back. */
public class RedoHandler {

    @CanExecute
    boolean canExecute(@Optional @Named("e4ActivePart") MPart active) {
        return active != null && active.getObject() instanceof ExperimentEditor editor && editor.canRedo();
    }

    @Execute
    void execute(@Named("e4ActivePart") MPart active) {
        ((ExperimentEditor) active.getObject()).redo();
    }
}

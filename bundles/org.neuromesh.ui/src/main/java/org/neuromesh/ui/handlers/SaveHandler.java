package org.neuromesh.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** File > Save (Ctrl+S): saves the active part if it has unsaved changes, e.g. an experiment. */
public class SaveHandler {

    @CanExecute
    boolean canExecute(@Optional @Named("e4ActivePart") MPart active) {
        return active != null && active.isDirty();
    }

    @Execute
    void execute(@Named("e4ActivePart") MPart active, EPartService parts) {
        parts.savePart(active, false);
    }
}

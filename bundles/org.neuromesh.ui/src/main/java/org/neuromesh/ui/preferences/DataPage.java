package org.neuromesh.ui.preferences;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.neuromesh.ui.model.WorkbenchPreferences;

/** Preferences > Data: the folder holding the data sets (mnist/, fashion-mnist/). */
final class DataPage extends FieldEditorPreferencePage {

    DataPage() {
        super("Data", GRID);
        setDescription("The folder with one sub-folder per data set (mnist/, fashion-mnist/), where training looks"
                + " for them. Blank: the usual place, ~/.cache/neuromesh/datasets (or $NEUROMESH_DATA).");
    }

    @Override
    protected void createFieldEditors() {
        addField(new StringFieldEditor(WorkbenchPreferences.DATA_FOLDER, "Data folder:", getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                var problem = WorkbenchPreferences.dataFolderProblem(getStringValue());
                setErrorMessage(problem.orElse(null));
                return problem.isEmpty();
            }
        });
    }
}

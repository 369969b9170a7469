package org.neuromesh.ui.preferences;

import java.util.List;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.neuromesh.ui.model.WorkbenchPreferences;

/** Preferences > Learning: the rule of new experiment files, from the rules installed now. */
final class LearningPage extends FieldEditorPreferencePage {

    private final List<String> installed;
    private final String current;

    LearningPage(List<String> installed, String current) {
        super("Learning", GRID);
        this.installed = installed;
        this.current = current;
        setDescription("The learning rule of a new experiment file (File > Open experiment, a new name). The list"
                + " is the rules installed now.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new ComboFieldEditor(WorkbenchPreferences.DEFAULT_RULE, "Default rule:",
                WorkbenchPreferences.ruleChoices(installed, current).toArray(String[][]::new),
                getFieldEditorParent()));
    }
}

package org.neuromesh.ui.preferences;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.ui.model.WorkbenchPreferences;

import jakarta.inject.Named;

/** Window > Preferences: the pages Data, Learning and Broker in a JFace PreferenceDialog. */
public class PreferencesHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell, @Optional @Service TrainingService training) {
        InstancePreferenceStore store = new InstancePreferenceStore();
        List<String> rules = training == null ? List.of() : training.rules();
        PreferenceManager pages = new PreferenceManager();
        add(pages, "data", new DataPage(), store);
        add(pages, "learning", new LearningPage(rules, store.getString(WorkbenchPreferences.DEFAULT_RULE)), store);
        add(pages, "broker", new BrokerPage(), store);
        PreferenceDialog dialog = new PreferenceDialog(shell, pages);
        dialog.open(); // OK saves the store (InstancePreferenceStore.save), which @Preference injection follows
    }

    private static void add(PreferenceManager pages, String id, PreferencePage page, InstancePreferenceStore store) {
        page.setPreferenceStore(store);
        IPreferencePage added = page;
        pages.addToRoot(new PreferenceNode(id, added));
    }
}

package org.neuromesh.ui.preferences;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Preference;
import org.neuromesh.ui.model.WorkbenchPreferences;

import jakarta.inject.Inject;

/**
 * Passes Preferences > Data to training, at start and whenever it changes. The engine looks a data set up by the
 * system property {@code neuromesh.<id>.dir} first (then environment variables, then ~/.cache/neuromesh/datasets),
 * and training runs in this JVM: setting the properties is how the workbench hands the folder over without a new
 * API. Only the properties set here are ever cleared again.
 */
public class DataFolderAddon {

    private final Set<String> set = new HashSet<>();

    @Inject
    void dataFolder(@Optional @Preference(nodePath = WorkbenchPreferences.NODE,
            value = WorkbenchPreferences.DATA_FOLDER) String folder) {
        synchronized (set) {
            set.forEach(System::clearProperty);
            set.clear();
            for (Map.Entry<String, String> property : WorkbenchPreferences.datasetProperties(folder).entrySet()) {
                System.setProperty(property.getKey(), property.getValue());
                set.add(property.getKey());
            }
        }
    }
}

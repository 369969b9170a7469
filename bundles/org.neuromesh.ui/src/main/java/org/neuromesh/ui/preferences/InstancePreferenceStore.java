package org.neuromesh.ui.preferences;

import java.io.IOException;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceStore;
import org.neuromesh.ui.model.WorkbenchPreferences;
import org.osgi.service.prefs.BackingStoreException;

/**
 * JFace's preference store over the Equinox instance-scope node {@link WorkbenchPreferences#NODE} (the workspace's
 * {@code .metadata}): what the pages edit is what {@code @Preference} injection reads, and a save notifies it.
 * (The 3.x ScopedPreferenceStore lives in org.eclipse.ui.workbench, which this e4 application does not have.)
 */
public final class InstancePreferenceStore extends PreferenceStore {

    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(WorkbenchPreferences.NODE);

    public InstancePreferenceStore() {
        for (Map.Entry<String, String> entry : WorkbenchPreferences.DEFAULTS.entrySet()) {
            setDefault(entry.getKey(), entry.getValue());
            String stored = node.get(entry.getKey(), null);
            if (stored != null) {
                setValue(entry.getKey(), stored);
            }
        }
    }

    /** Writes every value to the node (a default removes the key) and flushes it to disk. */
    @Override
    public void save() throws IOException {
        for (String key : WorkbenchPreferences.DEFAULTS.keySet()) {
            if (isDefault(key)) {
                node.remove(key);
            } else {
                node.put(key, getString(key));
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IOException("cannot save the preferences: " + e.getMessage(), e);
        }
    }

    /** The stored values (defaults where none), for the view models. */
    public Map<String, String> values() {
        Map<String, String> values = new java.util.HashMap<>();
        for (String key : WorkbenchPreferences.DEFAULTS.keySet()) {
            values.put(key, getString(key));
        }
        return values;
    }
}

/**
 * Window > Preferences: a JFace PreferenceDialog built from this package's pages (e4 has no preference extension
 * point), over {@link org.neuromesh.ui.preferences.InstancePreferenceStore}; keys, checks and what each value does
 * are in {@code org.neuromesh.ui.model.WorkbenchPreferences}.
 */
package org.neuromesh.ui.preferences;

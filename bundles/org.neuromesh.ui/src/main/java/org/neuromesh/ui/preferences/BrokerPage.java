package org.neuromesh.ui.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.neuromesh.ui.model.WorkbenchPreferences;

/** Preferences > Broker: what Network > Connect to a broker suggests. No password: that is in secure storage. */
final class BrokerPage extends FieldEditorPreferencePage {

    BrokerPage() {
        super("Broker", GRID);
        setDescription("The broker the connection dialog suggests. Blank host: the broker the peer uses now. The"
                + " password is asked for in the dialog and kept in secure storage, never here.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new StringFieldEditor(WorkbenchPreferences.BROKER_HOST, "Host:", getFieldEditorParent()));
        IntegerFieldEditor port = new IntegerFieldEditor(WorkbenchPreferences.BROKER_PORT, "Port:",
                getFieldEditorParent());
        port.setValidRange(1, 65535);
        port.setErrorMessage("Port: a TCP port, 1-65535.");
        addField(port);
        addField(new BooleanFieldEditor(WorkbenchPreferences.BROKER_TLS, "TLS", getFieldEditorParent()));
        addField(new StringFieldEditor(WorkbenchPreferences.BROKER_USER, "User:", getFieldEditorParent()));
    }
}

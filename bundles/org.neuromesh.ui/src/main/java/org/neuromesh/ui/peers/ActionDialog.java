package org.neuromesh.ui.peers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** A small dialog asking for a peer action's few settings: one labelled field per key, filled with defaults. */
final class ActionDialog extends Dialog {

    private final String title;
    private final String explanation;
    private final Map<String, String> values;
    private final Map<String, Text> fields = new LinkedHashMap<>();

    /** @param defaults the keys in order, each with its starting value */
    ActionDialog(Shell parent, String title, String explanation, Map<String, String> defaults) {
        super(parent);
        this.title = title;
        this.explanation = explanation;
        this.values = new LinkedHashMap<>(defaults);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label about = new Label(area, SWT.WRAP);
        about.setText(explanation);
        GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(about);
        values.forEach((key, value) -> {
            new Label(area, SWT.NONE).setText(key);
            Text field = new Text(area, SWT.BORDER);
            field.setText(value);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
            fields.put(key, field);
        });
        return area;
    }

    @Override
    protected void okPressed() {
        fields.forEach((key, field) -> values.put(key, field.getText()));
        super.okPressed();
    }

    /** The values as entered, once OK was pressed. */
    Map<String, String> values() {
        return values;
    }
}

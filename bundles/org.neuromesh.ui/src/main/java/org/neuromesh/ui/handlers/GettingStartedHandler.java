package org.neuromesh.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.ui.model.GettingStarted;

import jakarta.inject.Named;

/**
 * Help > Getting Started: the first steps ({@link GettingStarted}) in a read-only StyledText with bold headings; not
 * a Browser, which is not there under Xvfb or without WebKit.
 */
public class GettingStartedHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell) {
        new Dialog(shell) {
            @Override
            protected void configureShell(Shell newShell) {
                super.configureShell(newShell);
                newShell.setText(GettingStarted.TITLE);
            }

            @Override
            protected boolean isResizable() {
                return true;
            }

            @Override
            protected Control createDialogArea(Composite parent) {
                Composite area = (Composite) super.createDialogArea(parent);
                StyledText page = new StyledText(area, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
                page.setText(GettingStarted.text());
                int offset = 0;
                for (GettingStarted.Step step : GettingStarted.STEPS) {
                    page.setStyleRange(new StyleRange(offset, step.heading().length(), null, null, SWT.BOLD));
                    offset += step.heading().length() + 1 + step.text().length() + 2;
                }
                page.setLeftMargin(8);
                page.setRightMargin(8);
                GridDataFactory.fillDefaults().grab(true, true).hint(560, 420).applyTo(page);
                return area;
            }

            @Override
            protected void createButtonsForButtonBar(Composite parent) {
                createButton(parent, IDialogConstants.OK_ID, "Close", true);
            }
        }.open();
    }
}

package org.neuromesh.ui.network;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.ui.model.ConnectForm;

/**
 * Network > Connect to a broker: host, port, TLS, user, password. A thin shell over {@link ConnectForm} (checks,
 * texts) and {@link BrokerConnect} (the connect itself, off the UI thread): it stays open while connecting and shows
 * why a connect failed; it closes once connected.
 */
final class ConnectDialog extends TitleAreaDialog {

    /** Starts a connect of an address with a password and "keep it" flag. */
    interface Connector {
        CompletableFuture<TransportState> start(BrokerAddress address, char[] password, boolean keep);
    }

    private final ConnectForm initial;
    private final Function<BrokerAddress, char[]> keptPassword;
    private final Connector connector;
    private Text host;
    private Text port;
    private Button tls;
    private Text user;
    private Text password;
    private Button keep;

    ConnectDialog(Shell parent, ConnectForm initial, Function<BrokerAddress, char[]> keptPassword,
            Connector connector) {
        super(parent);
        this.initial = initial;
        this.keptPassword = keptPassword;
        this.connector = connector;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(ConnectForm.TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(ConnectForm.TITLE);
        setMessage(ConnectForm.MESSAGE);
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        host = field(fields, "Host:", SWT.BORDER, initial.host());
        port = field(fields, "Port:", SWT.BORDER, initial.port());
        new Label(fields, SWT.NONE);
        tls = new Button(fields, SWT.CHECK);
        tls.setText("TLS (ssl://, the broker's TLS port, often 8883)");
        tls.setSelection(initial.tls());
        user = field(fields, "User:", SWT.BORDER, initial.username());
        password = field(fields, "Password:", SWT.BORDER | SWT.PASSWORD, "");
        initial.address().map(keptPassword).ifPresent(kept -> password.setTextChars(kept));
        new Label(fields, SWT.NONE);
        keep = new Button(fields, SWT.CHECK);
        keep.setText("Keep the password in secure storage");
        keep.setSelection(true);
        for (Text text : List.of(host, port, user, password)) {
            text.addModifyListener(event -> check());
        }
        return area;
    }

    private static Text field(Composite parent, String label, int style, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, style);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private ConnectForm form() {
        return new ConnectForm(host.getText(), port.getText(), tls.getSelection(), user.getText());
    }

    /** Shows the first problem of the fields; Connect is enabled only without one. */
    private boolean check() {
        List<String> problems = form().problems(password.getCharCount() > 0);
        setErrorMessage(problems.isEmpty() ? null : problems.get(0));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problems.isEmpty());
        }
        return problems.isEmpty();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Connect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check(); // the first fields may already have a problem
    }

    @Override
    protected void okPressed() {
        if (!check()) {
            return;
        }
        ConnectForm form = form();
        setMessage(form.connecting());
        enable(false);
        Display display = getShell().getDisplay();
        connector.start(form.address().orElseThrow(), password.getTextChars(), keep.getSelection())
                .thenAccept(state -> display.asyncExec(() -> shown(state)));
    }

    /** The outcome, on the UI thread: closes once connected, otherwise says why and lets the user try again. */
    private void shown(TransportState state) {
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        if (state.connected()) {
            super.okPressed();
            return;
        }
        enable(true);
        setMessage(ConnectForm.MESSAGE);
        setErrorMessage(ConnectForm.outcome(state));
    }

    private void enable(boolean enabled) {
        for (Control control : new Control[] { host, port, tls, user, password, keep,
                getButton(IDialogConstants.OK_ID) }) {
            control.setEnabled(enabled);
        }
    }
}

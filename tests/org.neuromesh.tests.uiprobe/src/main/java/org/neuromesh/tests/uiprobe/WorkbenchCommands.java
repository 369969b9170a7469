package org.neuromesh.tests.uiprobe;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Commands a test appends to a text file (system property {@code neuromesh.uiprobe.commands}), carried out once each
 * on the UI thread, as a user would by menu: {@code perspective ID} switches to a perspective, {@code show ID} brings
 * a part to the front, {@code command ID [NAME=VALUE]} executes a command (as its menu item would), {@code click
 * TEXT} presses a button, {@code commandwith ID NAME=VALUE ...} executes a command with several parameters,
 * {@code commandlater ID ...} the same once the probe's turn is over (for a command that opens a modal dialog, so
 * that the probe goes on reading and clicking while it is open), {@code set LABEL=VALUE} types VALUE into the text
 * field or chooses it in the combo that follows the label LABEL (as a user would, so the part hears a modify
 * event), {@code save} saves every dirty part, {@code measure start} / {@code measure stop} time
 * how late the UI thread runs a timer posted every 10 ms ({@link UiDelays}); {@code show} prints how long it took. Each prints {@code UIPROBE done N: COMMAND} (or {@code failed}).
 */
final class WorkbenchCommands {

    private final IWorkbench workbench;
    private final UiDelays delays = new UiDelays(Display.getDefault());
    private final Path file;
    private int done;

    WorkbenchCommands(IWorkbench workbench, Path file) {
        this.workbench = workbench;
        this.file = file;
    }

    void runNew(PrintStream out) {
        if (file == null) {
            return;
        }
        List<String> commands = ScreenReader.lines(file);
        while (done < commands.size()) {
            String command = commands.get(done++).strip();
            try {
                run(command);
                out.println(ScreenReader.PREFIX + "done " + done + ": " + withoutPasswords(command));
            } catch (RuntimeException e) {
                out.println(ScreenReader.PREFIX + "failed " + done + ": " + withoutPasswords(command) + ": " + e);
            }
        }
    }

    /** The command as echoed: a password parameter's value is not printed (tests look for it in the output). */
    private static String withoutPasswords(String command) {
        return command.replaceAll("(password=)\\S+", "$1***");
    }

    /** Presses the visible, enabled button with this text. */
    private void click(String text) {
        for (Shell shell : Display.getDefault().getShells()) {
            Button button = find(shell, text);
            if (button != null) {
                button.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new IllegalArgumentException("no visible, enabled button '" + text + "'");
    }

    /** Types into (or chooses in) the visible field after the label {@code LABEL} of {@code LABEL=VALUE}. */
    private void set(String labelAndValue) {
        String[] labelValue = labelAndValue.split("=", 2);
        for (Shell shell : Display.getDefault().getShells()) {
            Control field = fieldAfter(shell, labelValue[0]);
            if (field instanceof Text text) {
                text.setText(labelValue[1]); // sends the modify event itself
                return;
            }
            if (field instanceof Combo combo) {
                if ((combo.getStyle() & SWT.READ_ONLY) != 0 && combo.indexOf(labelValue[1]) < 0) {
                    throw new IllegalArgumentException("the combo after '" + labelValue[0] + "' has no item '"
                            + labelValue[1] + "'");
                }
                combo.setText(labelValue[1]);
                // a read-only combo's setText selects without a modify event; a user's choice sends one
                combo.notifyListeners(SWT.Modify, new Event());
                return;
            }
        }
        throw new IllegalArgumentException("no visible text field or combo after a label '" + labelValue[0] + "'");
    }

    private static Control fieldAfter(Composite composite, String label) {
        Control[] children = composite.getChildren();
        for (int i = 0; i < children.length; i++) {
            Control child = children[i];
            if (!child.isVisible()) {
                continue;
            }
            if (child instanceof Label found && label.equals(found.getText()) && i + 1 < children.length
                    && (children[i + 1] instanceof Text || children[i + 1] instanceof Combo)) {
                return children[i + 1];
            }
            if (child instanceof Composite nested) {
                Control field = fieldAfter(nested, label);
                if (field != null) {
                    return field;
                }
            }
        }
        return null;
    }

    private static Button find(Composite composite, String text) {
        for (Control child : composite.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (child instanceof Button button && button.isEnabled() && text.equals(button.getText())) {
                return button;
            }
            if (child instanceof Composite nested) {
                Button found = find(nested, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * {@code commandwith ID NAME=VALUE NAME=VALUE ...}: a command with several parameters (values without spaces),
     * e.g. the broker connection's host, port and user, which its dialog would otherwise ask for.
     */
    private static void commandWithParameters(IEclipseContext context, String idAndParameters) {
        String[] words = idAndParameters.split(" ");
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] nameValue = words[i].split("=", 2);
            parameters.put(nameValue[0], nameValue[1]);
        }
        ParameterizedCommand parameterized = context.get(ECommandService.class).createCommand(words[0], parameters);
        EHandlerService handlers = context.get(EHandlerService.class);
        if (!handlers.canExecute(parameterized)) {
            throw new IllegalStateException("command " + words[0] + " cannot be executed now");
        }
        handlers.executeHandler(parameterized);
    }

    private void run(String command) {
        MApplication application = workbench.getApplication();
        MWindow window = application.getChildren().get(0);
        IEclipseContext context = window.getContext();
        String[] words = command.split(" ", 2);
        switch (words[0]) {
            case "perspective" -> {
                List<MPerspective> found = context.get(EModelService.class).findElements(application, words[1],
                        MPerspective.class);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no perspective " + words[1]);
                }
                context.get(EPartService.class).switchPerspective(found.get(0));
            }
            case "show" -> {
                long started = System.nanoTime();
                context.get(EPartService.class).showPart(words[1], EPartService.PartState.ACTIVATE);
                System.out.printf(java.util.Locale.ROOT, "%sshown %s in %.1f ms%n", ScreenReader.PREFIX, words[1],
                        (System.nanoTime() - started) / 1e6);
            }
            case "measure" -> {
                if (words[1].equals("start")) {
                    delays.start();
                } else {
                    System.out.println(ScreenReader.PREFIX + delays.stop());
                }
            }
            case "command" -> {
                // command ID [NAME=VALUE]: one parameter at most
                String[] idAndParameter = words[1].split(" ", 2);
                Map<String, Object> parameters = new HashMap<>();
                if (idAndParameter.length == 2) {
                    String[] nameValue = idAndParameter[1].split("=", 2);
                    parameters.put(nameValue[0], nameValue[1]);
                }
                ParameterizedCommand parameterized = context.get(ECommandService.class).createCommand(
                        idAndParameter[0], parameters);
                EHandlerService handlers = context.get(EHandlerService.class);
                if (!handlers.canExecute(parameterized)) {
                    throw new IllegalStateException("command " + words[1] + " cannot be executed now");
                }
                handlers.executeHandler(parameterized);
            }
            case "commandwith" -> commandWithParameters(context, words[1]);
            case "commandlater" -> Display.getCurrent().asyncExec(() -> commandWithParameters(context, words[1]));
            case "click" -> click(words[1]);
            case "set" -> set(words[1]);
            case "save" -> context.get(EPartService.class).saveAll(false);
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }
}

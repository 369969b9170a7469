package org.neuromesh.tests.uiprobe;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Reads the visible parts of every shell on the UI thread, a few times a second, and prints a block each time what
 * it sees changes; between reads it carries out the commands a test appends to its command file
 * ({@link WorkbenchCommands}):
 *
 * <pre>
 * UIPROBE begin 3
 * UIPROBE shell: NeuroMesh Workbench
 * UIPROBE statusline: Connected to tcp://127.0.0.1:1883 · 0 peers
 * UIPROBE part org.neuromesh.ui.part.providers status: 2 providers
 * UIPROBE part org.neuromesh.ui.part.providers columns: Kind|Name|Ranking|Bundle|Properties
 * UIPROBE part org.neuromesh.ui.part.providers row: learning rule|eligibility|100|...
 * UIPROBE end 3
 * </pre>
 *
 * A part's labels are its "status" lines, its text fields and combos its "field" lines (a combo's choices its "items"
 * line, separated by '|'), each table its columns and
 * rows; the status line is the text of the workbench's tool controls; "tab" lines are the tabs of the part stacks (a
 * part with unsaved changes has a '*' before its name).
 */
final class ScreenReader {

    static final String PREFIX = "UIPROBE ";
    private static final int PERIOD_MILLIS = 200;
    /** The key under which the e4 renderers keep a control's model element. */
    private static final String MODEL_ELEMENT = "modelElement";

    private final Display display;
    private final PrintStream out;
    private final WorkbenchCommands commands;
    private volatile boolean stopped;
    private String last = "";
    private int blocks;

    ScreenReader(Display display, PrintStream out, WorkbenchCommands commands) {
        this.display = display;
        this.out = out;
        this.commands = commands;
    }

    void start() {
        display.asyncExec(() -> {
            // the pointer to the bottom left corner, over the status line: Xvfb puts it in the middle of the screen,
            // where a chart's tooltip would cover the chart in every screenshot
            display.setCursorLocation(0, display.getBounds().height - 1);
            read();
        });
    }

    void stop() {
        stopped = true;
    }

    private void read() {
        if (stopped || display.isDisposed()) {
            return;
        }
        commands.runNew(out);
        List<String> lines = new ArrayList<>();
        for (Shell shell : display.getShells()) {
            if (!shell.isDisposed() && shell.isVisible()) {
                lines.add("shell: " + shell.getText());
                describe(shell, null, lines);
                if (shell.getData(MODEL_ELEMENT) == null) {
                    describeDialog(shell, lines);
                }
            }
        }
        String now = String.join("\n", lines);
        if (!now.equals(last)) {
            last = now;
            blocks++;
            StringBuilder block = new StringBuilder(PREFIX + "begin " + blocks + "\n");
            lines.forEach(line -> block.append(PREFIX).append(line).append('\n'));
            block.append(PREFIX + "end " + blocks + "\n");
            out.print(block);
            out.flush();
        }
        display.timerExec(PERIOD_MILLIS, this::read);
    }

    /** Walks the visible controls under {@code composite}, noting which part or tool control they belong to. */
    private static void describe(Composite composite, String part, List<String> lines) {
        for (Control child : composite.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            String owner = part;
            Object element = child.getData(MODEL_ELEMENT);
            if (element instanceof MPart mpart) {
                owner = mpart.getElementId();
            } else if (element instanceof MToolControl) {
                List<String> texts = new ArrayList<>();
                collectLabels(child, texts);
                lines.add("statusline: " + String.join(" ", texts));
                continue;
            }
            if (child instanceof CTabFolder tabs) {
                for (CTabItem item : tabs.getItems()) {
                    lines.add("tab: " + item.getText());
                }
            }
            if (owner != null && child instanceof Label label) {
                lines.add("part " + owner + " status: " + label.getText());
            } else if (owner != null && child instanceof Text text) {
                lines.add("part " + owner + " field: " + text.getText());
            } else if (owner != null && child instanceof Combo combo) {
                lines.add("part " + owner + " field: " + combo.getText());
                lines.add("part " + owner + " items: " + String.join("|", combo.getItems()));
            } else if (owner != null && child instanceof Table table) {
                describe(table, owner, lines);
            } else if (owner != null && child instanceof Canvas canvas && canvas.getToolTipText() != null) {
                // a chart says in its tooltip what it has drawn
                lines.add("part " + owner + " chart: " + canvas.getToolTipText());
            } else if (child instanceof Composite nested) {
                describe(nested, owner, lines);
            }
        }
    }

    /**
     * The texts of a dialog (a shell that is no workbench window), e.g. the message of the broker connection
     * dialog, as {@code dialog: TEXT} lines; password fields are never read.
     */
    private static void describeDialog(Composite composite, List<String> lines) {
        for (Control child : composite.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (child instanceof Label label && !label.getText().isEmpty()) {
                lines.add("dialog: " + label.getText());
            } else if (child instanceof Text text && (text.getStyle() & SWT.PASSWORD) == 0
                    && !text.getText().isEmpty()) {
                lines.add("dialog: " + text.getText().strip()); // JFace pads a dialog message with a space
            } else if (child instanceof Composite nested) {
                describeDialog(nested, lines);
            }
        }
    }

    private static void collectLabels(Control control, List<String> texts) {
        if (control instanceof Label label) {
            texts.add(label.getText());
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collectLabels(child, texts);
            }
        }
    }

    private static void describe(Table table, String part, List<String> lines) {
        lines.add("part " + part + " columns: " + Arrays.stream(table.getColumns()).map(TableColumn::getText)
                .collect(Collectors.joining("|")));
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            lines.add("part " + part + " row: " + String.join("|", cells));
        }
    }

    /** Reads a whole text file, or nothing if it is not there (yet). */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}

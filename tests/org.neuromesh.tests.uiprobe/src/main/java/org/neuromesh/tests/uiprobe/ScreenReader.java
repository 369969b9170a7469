package org.neuromesh.tests.uiprobe;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Reads the Providers table of every shell on the UI thread, a few times a second, and prints a block each time
 * what it sees changes:
 *
 * <pre>
 * UIPROBE begin 3
 * UIPROBE shell: NeuroMesh Workbench
 * UIPROBE status: 2 providers
 * UIPROBE columns: Kind|Name|Ranking|Bundle|Properties
 * UIPROBE row: learning rule|eligibility|100|org.neuromesh.learning.eligibility 0.1.0...|...
 * UIPROBE end 3
 * </pre>
 *
 * The Providers table is the table whose first column is "Kind"; "status" lines are the labels beside it.
 */
final class ScreenReader {

    static final String PREFIX = "UIPROBE ";
    private static final int PERIOD_MILLIS = 200;

    private final Display display;
    private final PrintStream out;
    private volatile boolean stopped;
    private String last = "";
    private int blocks;

    ScreenReader(Display display, PrintStream out) {
        this.display = display;
        this.out = out;
    }

    void start() {
        display.asyncExec(this::read);
    }

    void stop() {
        stopped = true;
    }

    private void read() {
        if (stopped || display.isDisposed()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Shell shell : display.getShells()) {
            if (!shell.isDisposed() && shell.isVisible()) {
                lines.add("shell: " + shell.getText());
                findProvidersTable(shell).ifPresent(table -> describe(table, lines));
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

    private static Optional<Table> findProvidersTable(Composite composite) {
        for (Control child : composite.getChildren()) {
            if (child instanceof Table table && table.getColumnCount() > 0
                    && "Kind".equals(table.getColumn(0).getText())) {
                return Optional.of(table);
            }
            if (child instanceof Composite nested) {
                Optional<Table> found = findProvidersTable(nested);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void describe(Table table, List<String> lines) {
        for (Control sibling : table.getParent().getChildren()) {
            if (sibling instanceof Label label && label.isVisible()) {
                lines.add("status: " + label.getText());
            }
        }
        lines.add("columns: " + Arrays.stream(table.getColumns()).map(TableColumn::getText)
                .collect(Collectors.joining("|")));
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            lines.add("row: " + String.join("|", cells));
        }
    }
}

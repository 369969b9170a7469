package org.neuromesh.ui.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.neuromesh.ui.model.RunRecord;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Runs view: every run recorded in the workspace, newest first, with its settings, epochs and outcome; the
 * selected run's epochs below. Read again whenever a run starts, ends an epoch or ends.
 */
public class RunsPart {

    private final List<RunRecord> runs = new ArrayList<>();
    private Table runTable;
    private Table epochTable;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        runTable = table(sash, RunRecord.RUN_COLUMNS);
        epochTable = table(sash, RunRecord.EPOCH_COLUMNS);
        sash.setWeights(60, 40);
        runTable.addListener(SWT.Selection, event -> showEpochs());
        refresh();
    }

    @Inject
    @Optional
    void runChanged(@UIEventTopic(LearningEvents.BASE + "*") Object ignored) {
        if (runTable != null && !runTable.isDisposed()) {
            refresh();
        }
    }

    private static Table table(Composite parent, List<String> columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        columns.forEach(header -> new TableColumn(table, SWT.NONE).setText(header));
        return table;
    }

    private void refresh() {
        int selected = runTable.getSelectionIndex();
        runs.clear();
        runs.addAll(read(LearningRuns.runsFolder()));
        runTable.removeAll();
        for (RunRecord run : runs) {
            new TableItem(runTable, SWT.NONE).setText(run.row().toArray(String[]::new));
        }
        pack(runTable);
        if (selected >= 0 && selected < runs.size()) {
            runTable.setSelection(selected);
        } else if (!runs.isEmpty()) {
            runTable.setSelection(0); // the newest
        }
        showEpochs();
    }

    private void showEpochs() {
        epochTable.removeAll();
        int selected = runTable.getSelectionIndex();
        if (selected >= 0) {
            for (List<String> epoch : runs.get(selected).epochs()) {
                new TableItem(epochTable, SWT.NONE).setText(epoch.toArray(String[]::new));
            }
        }
        pack(epochTable);
    }

    private static void pack(Table table) {
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }

    /** The records in {@code folder}, newest first; one that cannot be read is left out (and logged). */
    static List<RunRecord> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(file -> file.getFileName().toString().endsWith(".run"))
                    .sorted(Comparator.comparing(RunsPart::modified).reversed()).toList();
            for (Path file : sorted) {
                try {
                    records.add(RunRecord.parse(file.getFileName().toString(), Files.readString(file,
                            StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    System.getLogger(RunsPart.class.getName()).log(System.Logger.Level.WARNING,
                            "could not read the run record " + file + ": " + e);
                }
            }
        } catch (IOException e) {
            System.getLogger(RunsPart.class.getName()).log(System.Logger.Level.WARNING,
                    "could not list the runs in " + folder + ": " + e);
        }
        return records;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}

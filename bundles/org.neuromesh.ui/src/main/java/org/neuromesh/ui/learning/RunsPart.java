package org.neuromesh.ui.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.neuromesh.ui.charts.ChartCanvas;
import org.neuromesh.ui.charts.ChartRenderer;
import org.neuromesh.ui.model.RunRecord;
import org.neuromesh.ui.model.RunsComparison;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Runs view: every run recorded in the workspace, newest first, with its settings, epochs and outcome; below, the
 * first selected run's epochs and the accuracy and loss curves of all selected runs over each other (compare two
 * rules at a glance). Read again whenever a run starts, ends an epoch or ends.
 */
public class RunsPart {

    private final List<RunRecord> runs = new ArrayList<>();
    private final ChartRenderer renderer = new ChartRenderer();
    private Table runTable;
    private Table epochTable;
    private Label selection;
    private ChartCanvas accuracy;
    private ChartCanvas loss;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        runTable = table(sash, RunRecord.RUN_COLUMNS, SWT.MULTI);
        SashForm below = new SashForm(sash, SWT.HORIZONTAL);
        epochTable = table(below, RunRecord.EPOCH_COLUMNS, SWT.SINGLE);
        Composite charts = new Composite(below, SWT.NONE);
        charts.setLayout(new GridLayout(2, true));
        selection = new Label(charts, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(selection);
        accuracy = ChartCanvas.inGrid(charts, renderer, RunsComparison.accuracy(List.of()));
        loss = ChartCanvas.inGrid(charts, renderer, RunsComparison.loss(List.of()));
        below.setWeights(35, 65);
        sash.setWeights(40, 60);
        runTable.addListener(SWT.Selection, event -> showSelected());
        refresh();
    }

    @PreDestroy
    void dispose() {
        renderer.dispose();
    }

    @Inject
    @Optional
    void runStarted(@UIEventTopic(LearningEvents.STARTED) Object ignored) {
        refreshIfShown();
    }

    @Inject
    @Optional
    void epochEnded(@UIEventTopic(LearningEvents.EPOCH) Object ignored) {
        refreshIfShown();
    }

    @Inject
    @Optional
    void runEnded(@UIEventTopic(LearningEvents.ENDED) Object ignored) {
        refreshIfShown();
    }

    private void refreshIfShown() {
        if (runTable != null && !runTable.isDisposed()) {
            refresh();
        }
    }

    private static Table table(Composite parent, List<String> columns, int selectionStyle) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL
                | selectionStyle);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        columns.forEach(header -> new TableColumn(table, SWT.NONE).setText(header));
        return table;
    }

    private void refresh() {
        List<String> selected = Arrays.stream(runTable.getSelectionIndices()).mapToObj(i -> runs.get(i).name())
                .toList();
        runs.clear();
        runs.addAll(read(LearningRuns.runsFolder()));
        runTable.removeAll();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            new TableItem(runTable, SWT.NONE).setText(runs.get(i).row().toArray(String[]::new));
            if (selected.contains(runs.get(i).name())) {
                keep.add(i);
            }
        }
        pack(runTable);
        if (!keep.isEmpty()) {
            runTable.setSelection(keep.stream().mapToInt(Integer::intValue).toArray());
        } else if (!runs.isEmpty()) {
            runTable.setSelection(0); // the newest
        }
        showSelected();
    }

    private void showSelected() {
        int[] indices = runTable.getSelectionIndices();
        List<RunRecord> chosen = Arrays.stream(indices).mapToObj(runs::get).toList();
        epochTable.removeAll();
        if (!chosen.isEmpty()) {
            for (List<String> epoch : chosen.get(0).epochs()) {
                new TableItem(epochTable, SWT.NONE).setText(epoch.toArray(String[]::new));
            }
        }
        pack(epochTable);
        selection.setText(RunsComparison.selectionText(chosen.size()));
        accuracy.show(RunsComparison.accuracy(chosen));
        loss.show(RunsComparison.loss(chosen));
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

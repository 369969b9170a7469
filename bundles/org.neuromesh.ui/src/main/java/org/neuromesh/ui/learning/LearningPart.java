package org.neuromesh.ui.learning;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.neuromesh.api.training.BatchWindow;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.ui.charts.ChartCanvas;
import org.neuromesh.ui.charts.ChartRenderer;
import org.neuromesh.ui.model.LearningViewModel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Learning view: the run under way, live: charts of accuracy and loss per batch window and per epoch and of each
 * layer's gating and threshold, and a row per epoch.
 */
public class LearningPart {

    private final LearningViewModel model = new LearningViewModel();
    private final ChartRenderer renderer = new ChartRenderer();
    private Label progress;
    private Button cancel;
    private ChartCanvas accuracy;
    private ChartCanvas loss;
    private ChartCanvas gating;
    private ChartCanvas threshold;
    private Table table;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        progress = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel run");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, event -> Job.getJobManager().cancel(LearningEvents.JOB_FAMILY));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(sash);
        Composite charts = new Composite(sash, SWT.NONE);
        charts.setLayout(new GridLayout(2, true));
        accuracy = ChartCanvas.inGrid(charts, renderer, model.accuracyChart());
        loss = ChartCanvas.inGrid(charts, renderer, model.lossChart());
        gating = ChartCanvas.inGrid(charts, renderer, model.gatingChart());
        threshold = ChartCanvas.inGrid(charts, renderer, model.thresholdChart());
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        sash.setWeights(75, 25);
        show();
    }

    @PreDestroy
    void dispose() {
        renderer.dispose();
    }

    @Inject
    @Optional
    void started(@UIEventTopic(LearningEvents.STARTED) String description) {
        model.started(description);
        setRunning(true);
        show();
    }

    @Inject
    @Optional
    void batches(@UIEventTopic(LearningEvents.BATCHES) LearningEvents.BatchProgress batch) {
        model.batches(batch.epoch(), batch.done(), batch.total(), batch.meanLoss());
        showProgress();
    }

    @Inject
    @Optional
    void batchWindow(@UIEventTopic(LearningEvents.WINDOW) BatchWindow window) {
        model.batchWindow(window);
        if (accuracy != null) {
            accuracy.show(model.accuracyChart());
            loss.show(model.lossChart());
        }
    }

    @Inject
    @Optional
    void epochEnded(@UIEventTopic(LearningEvents.EPOCH) EpochResult epoch) {
        model.epochEnded(epoch);
        show();
    }

    @Inject
    @Optional
    void ended(@UIEventTopic(LearningEvents.ENDED) TrainingResult result) {
        model.ended(result);
        setRunning(false);
        show();
    }

    private void setRunning(boolean running) {
        if (cancel != null && !cancel.isDisposed()) {
            cancel.setEnabled(running);
        }
    }

    private void showProgress() {
        if (progress != null && !progress.isDisposed()) {
            progress.setText(model.progress());
            progress.getParent().layout();
        }
    }

    private void show() {
        if (table == null || table.isDisposed()) {
            return;
        }
        showProgress();
        accuracy.show(model.accuracyChart());
        loss.show(model.lossChart());
        gating.show(model.gatingChart());
        threshold.show(model.thresholdChart());
        List<String> columns = model.columns();
        if (table.getColumnCount() != columns.size()) {
            for (TableColumn column : table.getColumns()) {
                column.dispose();
            }
            columns.forEach(header -> new TableColumn(table, SWT.RIGHT).setText(header));
        }
        table.removeAll();
        for (List<String> row : model.rows()) {
            new TableItem(table, SWT.NONE).setText(row.toArray(String[]::new));
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }
}

package org.neuromesh.ui.inspector;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.neuromesh.api.training.CheckpointException;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.ui.learning.LearningEvents;
import org.neuromesh.ui.model.ClusterInspectorModel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The Cluster inspector view: a heat map of one hidden layer's nodes (a cell per node, coloured by the chosen
 * quantity), the selected node's values and its input weights as a 28 x 28 picture. Its source is a checkpoint
 * ({@link #open(Path)}, read on a Job) or the live run: then it asks the run for a snapshot at most every 500 ms,
 * which the run's training thread copies between two batches; the UI thread only draws.
 */
public class ClusterInspectorPart {

    /** The view's element id. */
    public static final String ID = "org.neuromesh.ui.part.inspector";
    private static final System.Logger LOG = System.getLogger(ClusterInspectorPart.class.getName());
    private static final int LIVE_MILLIS = 500;
    private static final int PICTURE_SCALE = 5;
    private static final String FOLLOW = "Follow live run";
    private static final String STOP_FOLLOWING = "Stop following";

    private final ClusterInspectorModel model = new ClusterInspectorModel();
    private TrainingService training;
    private Display display;
    private Label status;
    private Combo layers;
    private Combo quantities;
    private Button live;
    /** Whether the view follows the run under way (the button says "Stop following" then). */
    private boolean following;
    private Canvas heatMap;
    private Label scale;
    private Label[] details;
    private Canvas picture;
    private Label caption;
    private Image pictureImage;
    /** Whether a live snapshot was asked for and has not arrived: never more than one at a time. */
    private boolean snapshotPending;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service TrainingService service) {
        training = service;
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 6).applyTo(parent);

        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(bar);
        live = new Button(bar, SWT.PUSH);
        live.setText(FOLLOW);
        live.setToolTipText("Follow the run under way: a snapshot between two of its batches, twice a second");
        live.addListener(SWT.Selection, event -> follow(!following));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Open checkpoint...");
        open.addListener(SWT.Selection, event -> OpenCheckpointHandler.chooseFile(parent.getShell())
                .ifPresent(this::open));
        layers = new Combo(bar, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(280, SWT.DEFAULT).applyTo(layers);
        layers.addListener(SWT.Selection, event -> {
            model.chooseLayer(layers.getSelectionIndex());
            refresh();
        });
        quantities = new Combo(bar, SWT.READ_ONLY);
        quantities.setItems(ClusterInspectorModel.quantityChoices().toArray(String[]::new));
        quantities.select(model.quantity().ordinal());
        quantities.addListener(SWT.Selection, event -> {
            model.chooseQuantity(ClusterInspectorModel.Quantity.values()[quantities.getSelectionIndex()]);
            refresh();
        });

        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);

        Composite left = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(left);
        GridLayoutFactory.fillDefaults().applyTo(left);
        heatMap = new Canvas(left, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 200).applyTo(heatMap);
        heatMap.addPaintListener(event -> paintHeatMap(event.gc));
        heatMap.addListener(SWT.MouseDown, event -> {
            Rectangle area = heatMap.getClientArea();
            if (model.selectAt(event.x, event.y, area.width, area.height)) {
                refresh();
            }
        });
        scale = new Label(left, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(scale);

        Composite right = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(right);
        GridLayoutFactory.fillDefaults().applyTo(right);
        details = new Label[6];
        for (int i = 0; i < details.length; i++) {
            details[i] = new Label(right, SWT.NONE);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(details[i]);
        }
        int side = ClusterInspectorModel.IMAGE_SIDE * PICTURE_SCALE;
        picture = new Canvas(right, SWT.BORDER);
        GridDataFactory.swtDefaults().hint(side, side).applyTo(picture);
        picture.addPaintListener(event -> {
            if (pictureImage != null) {
                event.gc.drawImage(pictureImage, 0, 0, ClusterInspectorModel.IMAGE_SIDE,
                        ClusterInspectorModel.IMAGE_SIDE, 0, 0, side, side);
            }
        });
        caption = new Label(right, SWT.WRAP);
        GridDataFactory.fillDefaults().hint(side + 60, SWT.DEFAULT).applyTo(caption);
        refresh();
    }

    /** Shows the checkpoint {@code file}, read on a Job; one that cannot be read shows why, here and in the log. */
    public void open(Path file) {
        Objects.requireNonNull(file, "file");
        follow(false);
        if (training == null) {
            failed("Cannot open " + file + ": the training service is not running (bundle org.neuromesh.training)");
            return;
        }
        status.setText("Reading " + file + " ...");
        Job read = Job.create("Read checkpoint " + file.getFileName(), (IProgressMonitor monitor) -> {
            try {
                ClusterSnapshot snapshot = training.readCheckpoint(file);
                display.asyncExec(() -> show(snapshot));
            } catch (CheckpointException unreadable) {
                LOG.log(System.Logger.Level.WARNING, "Cluster inspector: " + unreadable.getMessage());
                display.asyncExec(() -> failed(unreadable.getMessage()));
            }
            return Status.OK_STATUS;
        });
        read.setSystem(true);
        read.schedule();
    }

    private void follow(boolean on) {
        boolean started = on && !following;
        following = on;
        live.setText(on ? STOP_FOLLOWING : FOLLOW);
        live.getParent().layout();
        if (started) {
            pollLive();
        }
    }

    /** Asks the run under way for a snapshot, and again every 500 ms while following it. */
    private void pollLive() {
        if (live.isDisposed() || !following) {
            return;
        }
        display.timerExec(LIVE_MILLIS, this::pollLive);
        if (snapshotPending || !heatMap.isVisible()) {
            return; // one copy at a time, and none for a hidden view
        }
        TrainingHandle run = runningHandle();
        if (run == null) {
            status.setText(model.hasLayer() ? model.status() + " (no run is under way now)"
                    : "No run is under way: start one (Run), it shows here as it trains.");
            return;
        }
        snapshotPending = true;
        run.snapshot().whenComplete((snapshot, failure) -> display.asyncExec(() -> {
            snapshotPending = false;
            if (status.isDisposed() || !following) {
                return;
            }
            if (snapshot != null) {
                show(snapshot);
            } else {
                status.setText("The run gave no snapshot: " + failure.getMessage());
            }
        }));
    }

    /** The handle of the newest run under way, from the Jobs that run them (see LearningRuns). */
    private static TrainingHandle runningHandle() {
        Job[] runs = Job.getJobManager().find(LearningEvents.JOB_FAMILY);
        for (int i = runs.length - 1; i >= 0; i--) {
            TrainingHandle handle = ((IAdaptable) runs[i]).getAdapter(TrainingHandle.class);
            if (handle != null) {
                return handle;
            }
        }
        return null;
    }

    private void show(ClusterSnapshot snapshot) {
        if (status.isDisposed()) {
            return;
        }
        model.show(snapshot);
        refresh();
    }

    private void failed(String message) {
        if (status.isDisposed()) {
            return;
        }
        model.failed(message);
        refresh();
    }

    private void refresh() {
        status.setText(model.status());
        List<String> choices = model.layerChoices();
        if (!choices.equals(List.of(layers.getItems()))) {
            layers.setItems(choices.toArray(String[]::new));
        }
        if (!choices.isEmpty()) {
            layers.select(model.layerIndex());
        }
        scale.setText(model.scale());
        List<String> lines = model.nodeDetails();
        for (int i = 0; i < details.length; i++) {
            details[i].setText(i < lines.size() ? lines.get(i) : "");
        }
        caption.setText(model.pictureCaption());
        if (pictureImage != null) {
            pictureImage.dispose();
            pictureImage = null;
        }
        byte[] grey = model.weightPicture();
        if (grey != null) {
            pictureImage = greyImage(grey);
        }
        heatMap.redraw();
        picture.redraw();
        status.getParent().layout(true, true);
    }

    private Image greyImage(byte[] grey) {
        RGB[] levels = new RGB[256];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new RGB(i, i, i);
        }
        int side = ClusterInspectorModel.IMAGE_SIDE;
        ImageData data = new ImageData(side, side, 8, new PaletteData(levels), 1, grey);
        return new Image(display, data);
    }

    private void paintHeatMap(GC gc) {
        Rectangle area = heatMap.getClientArea();
        int columns = model.columns();
        int rows = model.rows();
        if (columns == 0 || area.width == 0 || area.height == 0) {
            return;
        }
        int[] colours = model.cellColours();
        for (int j = 0; j < colours.length; j++) {
            int column = j % columns;
            int row = j / columns;
            int x = column * area.width / columns;
            int y = row * area.height / rows;
            int width = (column + 1) * area.width / columns - x;
            int height = (row + 1) * area.height / rows - y;
            int rgb = colours[j];
            Color colour = new Color(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
            gc.setBackground(colour);
            gc.fillRectangle(x, y, width, height);
            if (j == model.selectedNode()) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_RED));
                gc.setLineWidth(2);
                gc.drawRectangle(x + 1, y + 1, Math.max(1, width - 2), Math.max(1, height - 2));
            }
        }
    }

    @PreDestroy
    void dispose() {
        if (pictureImage != null) {
            pictureImage.dispose();
        }
    }
}

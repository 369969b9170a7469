package org.neuromesh.ui.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Preference;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.ui.learning.LearningRuns;
import org.neuromesh.ui.model.ExperimentFile;
import org.neuromesh.ui.model.WorkbenchPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Edits one experiment file: a field per setting, its problem beside it, Save (the part's dirty state, Ctrl+S) and
 * Run (a Job through the training service, followed by the Learning view). A file that cannot be read as a whole
 * opens with its problems listed and its readable settings in place; nothing is written until the user saves.
 */
public class ExperimentEditor {

    /** The part's persisted state key holding the file's path. */
    public static final String FILE = "file";
    /** The text above the form when the experiment can run. */
    static final String READY = "Ready to run.";

    private final MPart part;
    private final Path file;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> fieldProblems = new LinkedHashMap<>();
    private ExperimentFile experiment;
    private Label summary;
    private Button run;
    private boolean filling;

    @Inject
    @Optional
    @Service
    private TrainingService training;

    /** Window > Preferences > Learning: the rule of a new file. */
    @Inject
    @Optional
    @Preference(nodePath = WorkbenchPreferences.NODE, value = WorkbenchPreferences.DEFAULT_RULE)
    private String defaultRule;

    @Inject
    public ExperimentEditor(MPart part) {
        this.part = part;
        this.file = Path.of(part.getPersistedState().get(FILE));
    }

    @PostConstruct
    void createControls(Composite area, IEventBroker events, EPartService parts) {
        area.setLayout(new FillLayout());
        ScrolledComposite scrolled = new ScrolledComposite(area, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite parent = new Composite(scrolled, SWT.NONE);
        scrolled.setContent(parent);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        parent.setLayout(new GridLayout(3, false));
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(summary);
        combo(parent, "dataset", "Data set", true, List.of("mnist", "fashion-mnist"));
        combo(parent, "rule", "Learning rule", true, List.of());
        text(parent, "hidden", "Hidden layers (widths)");
        text(parent, "epochs", "Epochs");
        text(parent, "batch", "Batch");
        text(parent, "seed", "Seed");
        combo(parent, "augment", "Augment", false, List.of("none", "shift", "flip", "shift-flip"));
        combo(parent, "normalise", "Normalise", true, List.of("none", "standard"));
        combo(parent, "schedule", "Learning-rate schedule", true, List.of("constant", "cosine"));
        combo(parent, "gating", "Gating", true, List.of("paper", "fixed-threshold", "no-timer", "relu"));
        text(parent, "validation", "Validation images (held out)");
        text(parent, "trainingSamples", "Training images (0: all)");
        run = new Button(parent, SWT.PUSH);
        run.setText("Run");
        run.addListener(SWT.Selection, event -> run(events, parts));
        experiment = read();
        fill();
        scrolled.setMinSize(parent.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        // a new experiment exists only once saved: until then it has unsaved changes
        part.setDirty(!Files.exists(file));
    }

    /** Saves the file (whole, through a temporary file, so a crash leaves the old or the new one). */
    @Persist
    void save() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".saving");
        Files.writeString(temporary, experiment.text(), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        part.setDirty(false);
    }

    private ExperimentFile read() {
        try {
            return Files.exists(file) ? ExperimentFile.parse(Files.readString(file, StandardCharsets.UTF_8))
                    : ExperimentFile.create(defaultRule);
        } catch (IOException e) {
            ExperimentFile empty = ExperimentFile.create();
            summary.setText("Could not read " + file + ": " + e.getMessage());
            return empty;
        }
    }

    private void combo(Composite parent, String key, String label, boolean readOnly, List<String> items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo combo = new Combo(parent, readOnly ? SWT.READ_ONLY : SWT.DROP_DOWN);
        combo.setItems(items.toArray(String[]::new));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        combo.addListener(SWT.Modify, event -> changed(key, combo.getText()));
        if (key.equals("rule")) {
            // the rules installed now: a rule bundle dropped into plugins/ shows up the next time the list opens
            combo.addListener(SWT.FocusIn, event -> offerRules(combo));
            combo.addListener(SWT.MouseDown, event -> offerRules(combo));
        }
        fields.put(key, combo);
        problemLabel(parent, key);
    }

    private void text(Composite parent, String key, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        text.addListener(SWT.Modify, event -> changed(key, text.getText()));
        fields.put(key, text);
        problemLabel(parent, key);
    }

    private void problemLabel(Composite parent, String key) {
        Label problem = new Label(parent, SWT.NONE);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().hint(320, SWT.DEFAULT).applyTo(problem);
        fieldProblems.put(key, problem);
    }

    private void offerRules(Combo combo) {
        TrainingService service = training;
        List<String> installed = service == null ? List.of() : service.rules();
        String current = combo.getText();
        String[] items = new String[installed.size() + 1];
        items[0] = "";
        for (int i = 0; i < installed.size(); i++) {
            items[i + 1] = installed.get(i);
        }
        if (!List.of(combo.getItems()).equals(List.of(items))) {
            boolean wasFilling = filling;
            filling = true;
            combo.setItems(items);
            combo.setText(current);
            filling = wasFilling;
        }
    }

    private void fill() {
        filling = true;
        fields.forEach((key, control) -> {
            String value = experiment.get(key);
            if (control instanceof Combo combo) {
                if (key.equals("rule")) {
                    offerRules(combo);
                }
                if (combo.indexOf(value) < 0 && (combo.getStyle() & SWT.READ_ONLY) != 0) {
                    combo.add(value); // keep what the file says, marked as a problem, rather than lose it
                }
                combo.setText(value);
            } else if (control instanceof Text text) {
                text.setText(value);
            }
        });
        filling = false;
        showProblems();
    }

    private void changed(String key, String value) {
        if (filling || value.strip().equals(experiment.get(key))) {
            return;
        }
        experiment = experiment.with(key, value);
        part.setDirty(true);
        showProblems();
    }

    private void showProblems() {
        fieldProblems.forEach((key, label) -> {
            String problem = experiment.problemOf(key);
            if (problem == null && key.equals("rule") && !experiment.get(key).isEmpty() && training != null
                    && !training.rules().contains(experiment.get(key))) {
                problem = "is not installed now; installed: " + training.rules();
            }
            label.setText(problem == null ? "" : problem);
        });
        List<ExperimentFile.Problem> problems = experiment.problems();
        summary.setText(problems.isEmpty() ? READY : problems.size() + (problems.size() == 1 ? " problem: "
                : " problems: ") + problems.get(0) + (problems.size() > 1 ? " ..." : ""));
        run.setEnabled(problems.isEmpty());
        summary.getParent().layout();
    }

    private void run(IEventBroker events, EPartService parts) {
        TrainingService service = training;
        if (service == null) {
            summary.setText("The training service is not running: the bundle org.neuromesh.training is missing or"
                    + " stopped.");
            return;
        }
        String name = file.getFileName().toString().replaceFirst("\\.nmx$", "");
        LearningRuns.run(name, service, experiment.plan(LearningRuns.checkpoint(name)), events, parts);
    }
}

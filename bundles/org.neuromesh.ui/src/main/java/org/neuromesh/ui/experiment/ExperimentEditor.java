package org.neuromesh.ui.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;
import org.neuromesh.api.training.RuleSetting;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.ui.learning.LearningRuns;
import org.neuromesh.ui.model.EditHistory;
import org.neuromesh.ui.model.ExperimentFile;
import org.neuromesh.ui.model.RuleSettingsForm;
import org.neuromesh.ui.model.WorkbenchPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Edits one experiment file: a field per setting, its problem beside it, Save (the part's dirty state, Ctrl+S) and
 * Run (a Job through the training service, followed by the Learning view). A file that cannot be read as a whole
 * opens with its problems listed and its readable settings in place; nothing is written until the user saves. The
 * chosen rule's own settings are a form built from its metatype ({@link RuleSettingsForm}), rebuilt when the rule
 * changes; Edit > Undo and Redo walk the file's {@link EditHistory}.
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
    private final Map<String, Control> ruleFields = new LinkedHashMap<>();
    private final Map<String, Label> ruleFieldProblems = new LinkedHashMap<>();
    private ExperimentFile experiment;
    private EditHistory<ExperimentFile> history;
    private RuleSettingsForm ruleForm = RuleSettingsForm.none("");
    /** Whether the file is on disk: a new experiment has unsaved changes until it is saved once. */
    private boolean onDisk;
    private Composite ruleSettings;
    private Label summary;
    private Button run;
    private boolean filling;
    private AutoCloseable catalogListener;

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
    @Optional
    @Service
    private ProviderCatalog catalog;

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
        ruleSettings = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).indent(16, 0).applyTo(ruleSettings);
        ruleSettings.setLayout(new GridLayout(3, false));
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
        history = new EditHistory<>(experiment);
        onDisk = Files.exists(file);
        buildRuleForm();
        fill();
        scrolled.setMinSize(parent.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        updateDirty();
        if (catalog != null) {
            // rules come and go with their bundles: the list and the form follow without a restart
            catalogListener = catalog.addListener(providers -> area.getDisplay().asyncExec(() -> {
                if (!area.isDisposed()) {
                    rulesChanged(providers);
                }
            }));
        }
    }

    @PreDestroy
    void dispose() throws Exception {
        if (catalogListener != null) {
            catalogListener.close();
        }
    }

    /** Whether Edit > Undo has something to take back. */
    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    /** Takes back the last edit (a field's whole value, or a change of rule with its settings). */
    public void undo() {
        show(history.undo());
    }

    public void redo() {
        show(history.redo());
    }

    private void show(ExperimentFile state) {
        boolean ruleChanged = !state.get("rule").equals(experiment.get("rule"));
        experiment = state;
        if (ruleChanged) {
            buildRuleForm();
        }
        fill();
        updateDirty();
    }

    private void updateDirty() {
        part.setDirty(history.isDirty() || !onDisk);
    }

    /** Saves the file (whole, through a temporary file, so a crash leaves the old or the new one). */
    @Persist
    void save() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".saving");
        Files.writeString(temporary, experiment.text(), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        onDisk = true;
        history.saved();
        updateDirty();
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
        offerRules(combo, service == null ? List.of() : service.rules());
    }

    private void offerRules(Combo combo, List<String> installed) {
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

    /** The catalog changed: offer the rules installed now, and describe the chosen one anew if it came or went. */
    private void rulesChanged(List<ProviderDescription> providers) {
        List<String> names = new ArrayList<>();
        providers.stream().filter(p -> p.kind() == ProviderKind.LEARNING_RULE).forEach(p -> names.add(p.name()));
        offerRules((Combo) fields.get("rule"), names);
        if (!describedSettings(experiment.get("rule")).equals(ruleForm.settings())) {
            buildRuleForm();
            fill();
        }
    }

    /** The installed rule's settings (blank: the highest ranked rule's). */
    private List<RuleSetting> describedSettings(String rule) {
        TrainingService service = training;
        return service == null ? List.of() : service.ruleSettings(rule);
    }

    /** A field per setting of the chosen rule: options as a list, other values as text with the default as hint. */
    private void buildRuleForm() {
        String rule = experiment.get("rule");
        TrainingService service = training;
        ruleForm = service == null ? RuleSettingsForm.none(rule)
                : new RuleSettingsForm(rule.isEmpty() && !service.rules().isEmpty() ? service.rules().get(0) : rule,
                        service.ruleSettings(rule), (id, value) -> service.checkRuleSetting(rule, id, value));
        for (Control child : ruleSettings.getChildren()) {
            child.dispose();
        }
        ruleFields.clear();
        ruleFieldProblems.clear();
        for (RuleSetting setting : ruleForm.settings()) {
            Label name = new Label(ruleSettings, SWT.NONE);
            name.setText(setting.name());
            String hint = setting.description() + (setting.defaultValue().isEmpty() ? "" : " Empty: as configured"
                    + " (default " + setting.defaultValue() + ").");
            name.setToolTipText(hint);
            Control field;
            if (setting.type() == RuleSetting.Type.OPTION || setting.type() == RuleSetting.Type.BOOLEAN) {
                Combo combo = new Combo(ruleSettings, SWT.READ_ONLY);
                List<String> items = new ArrayList<>(List.of(""));
                items.addAll(setting.type() == RuleSetting.Type.BOOLEAN ? List.of("true", "false")
                        : setting.options());
                combo.setItems(items.toArray(String[]::new));
                combo.addListener(SWT.Modify, event -> ruleSettingChanged(setting.id(), combo.getText()));
                field = combo;
            } else {
                Text text = new Text(ruleSettings, SWT.BORDER);
                text.setMessage(setting.defaultValue());
                text.addListener(SWT.Modify, event -> ruleSettingChanged(setting.id(), text.getText()));
                field = text;
            }
            field.setToolTipText(hint);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
            Label problem = new Label(ruleSettings, SWT.NONE);
            problem.setForeground(ruleSettings.getDisplay().getSystemColor(SWT.COLOR_RED));
            GridDataFactory.fillDefaults().hint(320, SWT.DEFAULT).applyTo(problem);
            ruleFields.put(setting.id(), field);
            ruleFieldProblems.put(setting.id(), problem);
        }
        ruleSettings.setVisible(!ruleFields.isEmpty());
        ((org.eclipse.swt.layout.GridData) ruleSettings.getLayoutData()).exclude = ruleFields.isEmpty();
        ruleSettings.getParent().layout(true, true);
        ScrolledComposite scrolled = (ScrolledComposite) ruleSettings.getParent().getParent();
        scrolled.setMinSize(ruleSettings.getParent().computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void fill() {
        filling = true;
        ruleFields.forEach((id, control) -> {
            String value = ruleForm.value(experiment, id);
            if (control instanceof Combo combo) {
                if (combo.indexOf(value) < 0) {
                    combo.add(value); // keep what the file says, marked as a problem, rather than lose it
                }
                combo.setText(value);
            } else if (control instanceof Text text) {
                text.setText(value);
            }
        });
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
        ExperimentFile next = experiment.with(key, value);
        if (key.equals("rule")) {
            // another rule: its own form, keeping the values of settings it shares with the last one if they fit
            experiment = next;
            buildRuleForm();
            next = next.withRuleSettings(ruleForm.kept(next));
            experiment = next;
            fill();
        }
        experiment = next;
        // each change of rule is a step of its own; typing into a field is one step per field
        history.edit(key.equals("rule") ? null : key, next);
        updateDirty();
        showProblems();
    }

    private void ruleSettingChanged(String id, String value) {
        if (filling || value.strip().equals(ruleForm.value(experiment, id))) {
            return;
        }
        experiment = experiment.withRuleSetting(id, value);
        history.edit(ExperimentFile.RULE_SETTING + id, experiment);
        updateDirty();
        showProblems();
    }

    /** Every problem: the file's own, then its rule settings' against the chosen rule's metatype. */
    private List<ExperimentFile.Problem> problems() {
        List<ExperimentFile.Problem> problems = new ArrayList<>(experiment.problems());
        problems.addAll(ruleForm.problems(experiment));
        return problems;
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
        ruleFieldProblems.forEach((id, label) -> {
            String problem = ruleForm.problemOf(id, ruleForm.value(experiment, id));
            label.setText(problem == null ? "" : problem);
        });
        List<ExperimentFile.Problem> problems = problems();
        summary.setText(problems.isEmpty() ? READY : problems.size() + (problems.size() == 1 ? " problem: "
                : " problems: ") + problems.get(0) + (problems.size() > 1 ? " ..." : ""));
        run.setEnabled(problems.isEmpty());
        summary.getParent().layout(true, true);
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

package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The Experiment editor in the built workbench product under Xvfb ({@link WorkbenchTest}): the rule's settings as a
 * form from its metatype, checked beside their fields, saved as {@code rule.<id>} lines and applied to the run; undo
 * and redo through their commands; a rule bundle dropped into {@code plugins/} offered in the rule list until it is
 * removed. The UI probe reads the editor's labels, fields and combo items, and types into fields with its
 * {@code set LABEL=VALUE} command.
 */
class EditorProductIT extends WorkbenchTest {

    /** The eligibility rule's settings, as its metatype names them, in its order. */
    private static final List<String> ELIGIBILITY_SETTINGS = List.of("Learning rate", "Weight decay", "Momentum",
            "Learning-rate decay", "Optimizer");

    @Test
    void givenTheEligibilityRule_whenItsSettingsAreEdited_thenTheyAreCheckedUndoneSavedAndAppliedToTheRun()
            throws Exception {
        // given an experiment of the eligibility rule, opened in its editor
        Path tuned = Files.writeString(work.resolve("tuned.nmx"), "rule = eligibility\nhidden = 32\nepochs = 1\n"
                + "validation = 1000\ntrainingSamples = 3000\n");
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        open(tuned);
        // then the rule's settings are a form from its metatype: a field each, empty (as configured)
        ViewSnapshot opened = awaitView("the eligibility rule's settings", REACT, view -> editor(view).status()
                .containsAll(ELIGIBILITY_SETTINGS) && editor(view).status().contains("Ready to run."));
        assertEquals(List.of("mnist", "eligibility", "", "", "", "", "", "32"), editor(opened).fields().subList(0, 8),
                opened::toString);
        assertTrue(editor(opened).items().contains(List.of("", "momentum", "adam")), "the optimizer's options: "
                + opened);

        // when a learning rate is typed, then a momentum out of the metatype's range
        command("set Learning rate=0.02");
        command("set Momentum=1.5");
        // then the momentum's problem is beside its field and Run waits for it
        ViewSnapshot bad = awaitView("the momentum's problem", REACT, view -> editor(view).status().contains(
                "'1.5' is greater than the maximum"));
        List<String> status = editor(bad).status();
        assertEquals("'1.5' is greater than the maximum", status.get(status.indexOf("Momentum") + 1),
                "the problem follows the field of Momentum: " + status);
        assertTrue(status.contains("1 problem: rule.momentum: '1.5' is greater than the maximum"), bad::toString);
        assertTrue(bad.tabs().contains("*tuned.nmx"), bad::toString);
        screenshot("workbench-experiment.png");

        // when the momentum is undone (Edit > Undo), redone and undone again
        command("command org.neuromesh.ui.command.undo");
        awaitView("the momentum undone", REACT, view -> editor(view).fields().subList(2, 5).equals(List.of("0.02",
                "", "")) && editor(view).status().contains("Ready to run."));
        command("command org.neuromesh.ui.command.redo");
        awaitView("the momentum redone", REACT, view -> editor(view).fields().get(4).equals("1.5"));
        command("command org.neuromesh.ui.command.undo");
        awaitView("the momentum undone again", REACT, view -> editor(view).fields().get(4).isEmpty()
                && editor(view).status().contains("Ready to run."));
        // and the experiment is saved, then its learning rate is the file's rule.learningRate line
        command("save");
        awaitView("the experiment saved", REACT, view -> view.tabs().contains("tuned.nmx"));
        String saved = Files.readString(tuned);
        assertTrue(saved.contains("\nrule.learningRate = 0.02\n") && !saved.contains("rule.momentum"), saved);
        // and undoing the learning rate makes the file dirty, redoing it clean again (the saved state)
        command("command org.neuromesh.ui.command.undo");
        awaitView("the learning rate undone, unsaved", REACT, view -> view.tabs().contains("*tuned.nmx")
                && editor(view).fields().get(2).isEmpty());
        command("command org.neuromesh.ui.command.redo");
        awaitView("the learning rate redone, as saved", REACT, view -> view.tabs().contains("tuned.nmx")
                && editor(view).fields().get(2).equals("0.02"));

        // when it runs
        command("click Run");
        awaitRunDone("the tuned run's epoch", Duration.ofMinutes(3));
        // then the run trained with the learning rate of the file: its record says so
        Path record;
        try (var runs = Files.list(workbench.workspace().resolve("runs"))) {
            record = runs.filter(file -> file.getFileName().toString().startsWith("tuned-") && file.getFileName()
                    .toString().endsWith(".run")).findFirst().orElseThrow();
        }
        String description = Files.readAllLines(record).stream().filter(line -> line.startsWith("description = "))
                .findFirst().orElseThrow();
        assertTrue(description.contains("with rule 'eligibility' (learningRate = 0.02):"), description);
    }

    @Test
    void givenARuleSettingTheRuleRefuses_whenRun_thenTheRunDoesNotStartAndSaysWhichSetting() throws Exception {
        // given a learning rate of 0, which the metatype allows (minimum 0) but the rule does not (it must be > 0)
        Path zero = Files.writeString(work.resolve("zero.nmx"), "rule = eligibility\nhidden = 8\nepochs = 1\n"
                + "validation = 1000\ntrainingSamples = 500\nrule.learningRate = 0\n");
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        open(zero);
        awaitView("zero.nmx ready", REACT, view -> editor(view).status().contains("Ready to run."));
        // when it is run
        command("click Run");
        // then the Learning view says why it did not start, naming the setting
        ViewSnapshot refused = awaitView("the refused run", REACT, view -> view.part(ViewSnapshot.LEARNING).status()
                .stream().anyMatch(line -> line.contains("learningRate must be a positive number")));
        assertTrue(refused.part(ViewSnapshot.LEARNING).status().stream().anyMatch(line -> line.contains(
                "the rule settings of 'eligibility' do not fit")), refused::toString);
    }

    @Test
    void givenARuleBundleDroppedIntoPlugins_thenTheEditorOffersItsRuleUntilItIsRemoved() throws Exception {
        // given a new experiment in its editor: the rule list is the rules installed now
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));
        open(work.resolve("dropped.nmx"));
        awaitView("the installed rules in the rule list", REACT, view -> ruleItems(view).filter(items -> items
                .contains("eligibility") && !items.contains("sign-hebbian")).isPresent());
        // when the sample plug-in is dropped into the running workbench's plugins/ folder
        Path dropped = workbench.installation().resolve("plugins/sample-plugin.jar");
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.sample.plugin"), work.resolve("sample-plugin.jar"));
        Files.move(work.resolve("sample-plugin.jar"), dropped, StandardCopyOption.ATOMIC_MOVE);
        // then its rule is in the editor's rule list, without a restart
        awaitView("the dropped rule in the rule list", REACT, view -> ruleItems(view).filter(items -> items.contains(
                "sign-hebbian")).isPresent());
        // and when it is chosen, the form has no settings (its bundle describes none), and undo brings them back
        command("set Learning rule=sign-hebbian");
        awaitView("the sample rule without settings", REACT, view -> editor(view).fields().get(1).equals(
                "sign-hebbian") && !editor(view).status().contains("Learning rate"));
        command("command org.neuromesh.ui.command.undo");
        awaitView("the default rule's settings back", REACT, view -> editor(view).status().containsAll(
                ELIGIBILITY_SETTINGS));
        // when the jar is removed again, then the rule leaves the list
        Files.delete(dropped);
        awaitView("the removed rule gone from the rule list", REACT, view -> ruleItems(view).filter(items -> items
                .contains("eligibility") && !items.contains("sign-hebbian")).isPresent());
    }

    private static ViewSnapshot.Part editor(ViewSnapshot view) {
        return view.part(ViewSnapshot.EXPERIMENT);
    }

    /** The items of the editor's rule list: the combo that offers the default rule. */
    private static Optional<List<String>> ruleItems(ViewSnapshot view) {
        return editor(view).items().stream().filter(items -> items.contains("eligibility")).findFirst();
    }

    private void open(Path experiment) throws Exception {
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + experiment);
        awaitView(experiment.getFileName() + " in its editor", REACT, view -> view.tabs().stream().anyMatch(tab -> tab
                .endsWith(experiment.getFileName().toString())) && view.shows(ViewSnapshot.EXPERIMENT));
    }
}

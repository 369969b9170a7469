package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preference pages' checks and what their values do, without widgets. */
class WorkbenchPreferencesTest {

    @TempDir
    Path work;

    @Test
    void givenADataFolder_thenEachDataSetIsLookedUpInItsSubFolder_andBlankLeavesTheUsualPlace() {
        assertEquals(Map.of("neuromesh.mnist.dir", work.resolve("mnist").toString(),
                "neuromesh.fashion-mnist.dir", work.resolve("fashion-mnist").toString()),
                WorkbenchPreferences.datasetProperties(work.toString()));
        assertEquals(Map.of(), WorkbenchPreferences.datasetProperties(" "));
    }

    @Test
    void givenARelativePathOrAFile_thenTheDataFolderIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "x");

        assertEquals(Optional.of("Data folder: 'data' is not an absolute path."),
                WorkbenchPreferences.dataFolderProblem("data"));
        assertEquals(Optional.of("Data folder: '" + file + "' is a file, not a folder."),
                WorkbenchPreferences.dataFolderProblem(file.toString()));
        assertEquals(Optional.empty(), WorkbenchPreferences.dataFolderProblem(work.resolve("not-yet").toString()));
        assertEquals(Map.of(), WorkbenchPreferences.datasetProperties(file.toString()), "a bad folder is not used");
    }

    @Test
    void givenTheInstalledRules_thenTheChoicesStartWithTheHighestRanked_andKeepAChosenRuleThatWentAway() {
        List<String[]> choices = WorkbenchPreferences.ruleChoices(List.of("eligibility", "pepita"), "sign-hebbian");

        assertEquals(List.of(WorkbenchPreferences.HIGHEST_RANKED, "eligibility", "pepita",
                "sign-hebbian (not installed now)"), choices.stream().map(choice -> choice[0]).toList());
        assertEquals(List.of("", "eligibility", "pepita", "sign-hebbian"),
                choices.stream().map(choice -> choice[1]).toList());
    }

    @Test
    void givenTheBrokerPage_thenItFillsTheConnectionDialog_unlessItNamesNoHost() {
        ConnectForm inUse = new ConnectForm("127.0.0.1", "1883", false, "");
        Map<String, String> stored = Map.of(WorkbenchPreferences.BROKER_HOST, "broker.example.org",
                WorkbenchPreferences.BROKER_PORT, "8883", WorkbenchPreferences.BROKER_TLS, "true",
                WorkbenchPreferences.BROKER_USER, "alice");

        assertEquals(new ConnectForm("broker.example.org", "8883", true, "alice"),
                WorkbenchPreferences.connectForm(stored, inUse));
        assertEquals(inUse, WorkbenchPreferences.connectForm(Map.of(WorkbenchPreferences.BROKER_HOST, ""), inUse));
    }

    @Test
    void givenTheDefaultRule_thenANewExperimentFileUsesIt() {
        assertEquals("pepita", ExperimentFile.create("pepita").get("rule"));
        assertEquals("", ExperimentFile.create("").get("rule"));
    }
}

package org.neuromesh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFolderTest {

    private static final String PID = "org.neuromesh.learning.eligibility";

    @TempDir
    Path folder;

    private final Map<String, Map<String, Object>> stored = new HashMap<>();
    private final RecordingReport report = new RecordingReport();
    private final List<String> problems = report.problems;

    private final ConfigFolder.Configurations configurations = new ConfigFolder.Configurations() {
        @Override
        public Optional<Map<String, ConfigFolder.Attribute>> describe(String pid) {
            if (!pid.equals(PID)) {
                return Optional.empty();
            }
            return Optional.of(Map.of(
                    "learningRate", new ConfigFolder.Attribute("learningRate", Double.class,
                            v -> v.startsWith("-") ? "Value is less than the minimum" : ""),
                    "weightDecay", new ConfigFolder.Attribute("weightDecay", Double.class, v -> null)));
        }

        @Override
        public void update(String pid, Map<String, Object> properties) {
            stored.put(pid, properties);
        }

        @Override
        public void delete(String pid) {
            stored.remove(pid);
        }
    };

    private ConfigFolder configs() {
        return new ConfigFolder(folder, configurations, report);
    }

    @Test
    void aValidFileIsAppliedWithTypedValues() throws IOException {
        // given a configuration file for the eligibility rule
        Files.writeString(folder.resolve(PID + ".cfg"), "learningRate = 0.05\nweightDecay=0.001\n");
        ConfigFolder configs = configs();
        // when scanned until settled
        configs.scan();
        configs.scan();
        // then Config Admin receives doubles
        assertEquals(Map.of("learningRate", 0.05, "weightDecay", 0.001), stored.get(PID));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aFileThereAtStartIsAppliedByTheFirstScanAndALaterOneOnlyOnceItSettled() throws IOException {
        // given a configuration file present when the folder is first read
        Files.writeString(folder.resolve(PID + ".cfg"), "learningRate = 0.05\n");
        ConfigFolder configs = configs();
        // when it is scanned once, then it is in force
        configs.scan();
        assertEquals(Map.of("learningRate", 0.05), stored.get(PID));
        // given a file written while the server runs
        Path later = folder.resolve(PID + ".cfg");
        Files.writeString(later, "learningRate = 0.02\n");
        later.toFile().setLastModified(System.currentTimeMillis() + 5000);
        // then one scan does not apply it (it may still be being written), the next one does
        configs.scan();
        assertEquals(Map.of("learningRate", 0.05), stored.get(PID));
        configs.scan();
        assertEquals(Map.of("learningRate", 0.02), stored.get(PID));
    }

    @Test
    void aFileThereAtStartForAPidNobodyDescribesYetWaitsForTheRegularScans() throws IOException {
        // given a file whose component is not installed yet (e.g. a plug-in the plug-in folder installs soon)
        Files.writeString(folder.resolve("org.example.typo.cfg"), "a = 1\n");
        ConfigFolder configs = configs();
        // when scanned once, then it is neither applied nor reported yet
        configs.scan();
        assertTrue(problems.isEmpty(), problems.toString());
        // and the next scan reports it as before
        configs.scan();
        assertTrue(problems.get(0).contains("no installed component describes the configuration 'org.example.typo'"),
                problems.toString());
    }

    @Test
    void aBadValueKeepsThePreviousConfigurationAndNamesFileKeyAndValue() throws IOException {
        // given an applied configuration
        Path file = folder.resolve(PID + ".cfg");
        Files.writeString(file, "learningRate = 0.05\n");
        ConfigFolder configs = configs();
        configs.scan();
        configs.scan();
        // when the file is changed to hold a word where a number belongs, and a negative rate
        Files.writeString(file, "learningRate = fast\nweightDecay = -\n");
        file.toFile().setLastModified(System.currentTimeMillis() + 5000);
        configs.scan();
        configs.scan();
        // then nothing is applied and the message says what is wrong
        assertEquals(Map.of("learningRate", 0.05), stored.get(PID));
        String problem = problems.get(0);
        assertTrue(problem.contains(PID + ".cfg") && problem.contains("learningRate='fast' is not a valid Double")
                && problem.contains("weightDecay='-'"), problem);
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws IOException {
        Files.writeString(folder.resolve(PID + ".cfg"), "learningRat = 0.05\n");
        ConfigFolder configs = configs();
        configs.scan();
        configs.scan();
        assertTrue(problems.get(0).contains("unknown key 'learningRat' (known: learningRate, weightDecay)"),
                problems.toString());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aFileForAPidNobodyDescribesIsNotApplied() throws IOException {
        Files.writeString(folder.resolve("org.example.typo.cfg"), "a = 1\n");
        ConfigFolder configs = configs();
        configs.scan();
        configs.scan();
        assertTrue(problems.get(0).contains("no installed component describes the configuration 'org.example.typo'"),
                problems.toString());
    }

    @Test
    void removingTheFileDeletesTheConfiguration() throws IOException {
        Path file = folder.resolve(PID + ".cfg");
        Files.writeString(file, "learningRate = 0.05\n");
        ConfigFolder configs = configs();
        configs.scan();
        configs.scan();
        Files.delete(file);
        configs.scan();
        assertTrue(stored.isEmpty());
    }
}

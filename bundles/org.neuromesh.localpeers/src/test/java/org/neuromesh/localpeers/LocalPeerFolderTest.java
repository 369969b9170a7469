package org.neuromesh.localpeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.LocalPeerPlan;

class LocalPeerFolderTest {

    @TempDir
    Path work;

    private final LocalPeerPlan plan = new LocalPeerPlan("demo-peer-1", "mnist", Set.of(7, 5, 6), List.of(64), 1);

    @Test
    void givenAnInstallation_whenAFolderIsCreated_thenItIsAHeadlessPeerOnThisMachinesBroker() throws Exception {
        // given an installed workbench
        Installation installation = FakeInstallation.create(work.resolve("install"), "exit 0");
        // when a local peer's folder is created for a broker on port 41883
        Path folder = work.resolve("local-peers/demo-peer-1");
        LocalPeerFolder created = LocalPeerFolder.create(folder, plan, installation, new BrokerAddress("", 41883,
                false, ""));
        // then its configuration area is the installation's, headless with the Gogo console started
        Properties ini = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("configuration/config.ini"))) {
            ini.load(in);
        }
        assertEquals("true", ini.getProperty("eclipse.ignoreApp"));
        assertEquals("true", ini.getProperty("osgi.noShutdown"));
        assertEquals("org.apache.felix.gogo.shell", ini.getProperty("osgi.console.enable.builtin"));
        assertEquals(folder.resolve("conf").toString(), ini.getProperty("neuromesh.config.dir"));
        assertEquals(folder.resolve("workspace").toUri().toString(), ini.getProperty("osgi.instance.area"));
        assertTrue(ini.getProperty("osgi.bundles").startsWith("reference:file:org.eclipse.equinox"));
        assertEquals(List.of("#version=1",
                "org.apache.felix.gogo.shell,1.1.4,plugins/org.apache.felix.gogo.shell_1.1.4.jar,4,true",
                "org.apache.felix.scr,2.2.14,plugins/org.apache.felix.scr_2.2.14.jar,2,true",
                "org.neuromesh.ui,0.1.0,plugins/org.neuromesh.ui_0.1.0.jar,4,false"), Files.readAllLines(folder.resolve(
                        "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info")));
        // and it runs no broker, joins this machine's, and holds its classes with one thread
        assertEquals("mode = never\n", Files.readString(folder.resolve("conf/org.neuromesh.broker.cfg")));
        assertEquals("host = 127.0.0.1\nport = 41883\ndisplayName = demo-peer-1\nheartbeatSeconds = 2\n",
                Files.readString(folder.resolve("conf/org.neuromesh.discovery.mqtt.cfg")));
        assertEquals("dataset = mnist\nclasses = 5,6,7\nthreads = 1\n",
                Files.readString(folder.resolve("conf/org.neuromesh.learner.cfg")));
        // and its command starts the installation's launcher on that area, naming its home and its starter
        List<String> command = created.command(installation, 4242, Map.of("neuromesh.mnist.dir", "/data/mnist"));
        assertEquals(installation.java().toString(), command.get(0));
        assertTrue(command.contains("-Dneuromesh.home=" + folder.resolve("home")), command::toString);
        assertTrue(command.contains("-Dneuromesh.local.parent=4242"), command::toString);
        assertTrue(command.contains("-Dneuromesh.mnist.dir=/data/mnist"), command::toString);
        assertEquals(List.of("-jar", installation.launcher().toString(), "-configuration",
                folder.resolve("configuration").toString(), "-consoleLog", "-console"),
                command.subList(command.size() - 6, command.size()));
    }

    @Test
    void givenAFolderThatExists_whenAPeerFolderIsCreatedThere_thenItIsRefusedAndNothingIsOverwritten()
            throws Exception {
        // given an installation and a folder with a file of someone else's
        Installation installation = FakeInstallation.create(work.resolve("install"), "exit 0");
        Path folder = Files.createDirectories(work.resolve("taken"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        // when a peer folder is created there, then that is refused and the file is kept
        assertThrows(IOException.class, () -> LocalPeerFolder.create(folder, plan, installation,
                new BrokerAddress("", 1883, false, "")));
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }

    @Test
    void givenAFolderWithoutALauncher_whenTheInstallationIsLookedFor_thenTheMessageSaysWhatIsMissing()
            throws Exception {
        // given a configuration area but no plugins folder (e.g. running from a test framework)
        Installation complete = FakeInstallation.create(work.resolve("install"), "exit 0");
        Path bare = Files.createDirectories(work.resolve("bare"));
        // when the installation is looked for there
        IOException missing = assertThrows(IOException.class, () -> Installation.find(bare,
                complete.configuration(), complete.java()));
        // then the message says local peers need an installed product
        assertTrue(missing.getMessage().startsWith("local peers start from an installed NeuroMesh product; "),
                missing.getMessage());
    }
}

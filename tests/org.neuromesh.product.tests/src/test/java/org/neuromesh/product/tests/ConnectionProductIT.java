package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * Network > Connect to a broker in the built workbench under Xvfb, against a real Mosquitto with a password file:
 * the dialog, a wrong password and a port where nothing listens (each a clear message in the status line and the
 * log, the workbench going on), the right password (connected), the password in secure storage and in no plain file,
 * and a connect after a restart without typing it again. The UI probe ({@code org.neuromesh.tests.uiprobe}) runs the
 * command with parameters, the way the dialog does without them.
 */
class ConnectionProductIT extends WorkbenchTest {

    private static final String CONNECT = "org.neuromesh.ui.command.connect";
    private static final String PARAMETER = "org.neuromesh.ui.commandparameter.connect.";

    private MosquittoBroker mosquitto;

    /** The transport not configured: the connect command configures it, and that must survive a restart. */
    @Override
    WorkbenchUnderTest start(Path folder) throws Exception {
        return WorkbenchUnderTest.startUnconnected(folder);
    }

    @BeforeEach
    void startMosquitto() throws Exception {
        mosquitto = MosquittoBroker.start(work.resolve("mosquitto"));
    }

    @AfterEach
    void stopMosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void givenAMosquittoWithPasswords_whenConnectingWrongUnreachableAndRight_thenEachSaysWhyAndThePasswordIsKeptSecure()
            throws Exception {
        String broker = "tcp://127.0.0.1:" + mosquitto.plainPort();
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));

        // when Network > Connect to a broker is chosen without parameters, then its dialog opens
        command("commandlater " + CONNECT);
        awaitView("the connection dialog", REACT, view -> view.shells().contains("Connect to a broker"));
        screenshot("workbench-connect.png");
        command("click Cancel");
        awaitView("the dialog closed", REACT, view -> !view.shells().contains("Connect to a broker"));

        // when connecting with a wrong password, then the status line and the log say the login was refused
        int mark = workbench.process().mark();
        connect(mosquitto.plainPort(), MosquittoBroker.USER, "wrong-password");
        awaitView("the refused login in the status line", REACT, view -> view.statusLine().stream().anyMatch(line ->
                line.startsWith("Not connected to " + broker + ": the broker refused the login of user 'peer'")));
        workbench.process().awaitOutput(mark, "Connect to a broker: Not connected to " + broker
                + ": the broker refused the login of user 'peer'", REACT);
        // and the workbench goes on: the Network perspective opens with its views
        command("perspective org.neuromesh.workbench.perspective.network");
        awaitView("the Peers view", REACT, view -> view.shows(ViewSnapshot.PEERS));

        // when connecting to a port where no broker listens, then both say so
        int closed = RunningProduct.freePort();
        mark = workbench.process().mark();
        connect(closed, "", null);
        String nobody = "Not connected to tcp://127.0.0.1:" + closed + ": no broker answers at 127.0.0.1:" + closed
                + " (connection refused)";
        awaitView("the unreachable port in the status line", REACT, view -> view.statusLine().stream()
                .anyMatch(line -> line.startsWith(nobody)));
        workbench.process().awaitOutput(mark, "Connect to a broker: " + nobody, REACT);
        // and the dialog, filled with the broker in use, says the same when Connect is pressed, and stays open
        command("commandlater " + CONNECT);
        awaitView("the connection dialog", REACT, view -> view.shells().contains("Connect to a broker"));
        mark = workbench.process().mark();
        command("click Connect");
        workbench.process().awaitOutput(mark, "UIPROBE dialog: " + nobody, REACT);
        screenshot("workbench-connect-refused.png");
        command("click Cancel");
        awaitView("the dialog closed", REACT, view -> !view.shells().contains("Connect to a broker"));

        // when connecting with the right password, then the status line shows the connection
        connect(mosquitto.plainPort(), MosquittoBroker.USER, MosquittoBroker.PASSWORD);
        awaitView("the connection in the status line", REACT, view -> view.statusLine().stream()
                .anyMatch(line -> line.startsWith("Connected to " + broker + " · ")));
        screenshot("workbench-connected.png");
        // and the dialog, filled with that broker and the password kept for it, connects and closes on Connect
        command("commandlater " + CONNECT);
        awaitView("the connection dialog", REACT, view -> view.shells().contains("Connect to a broker"));
        mark = workbench.process().mark();
        command("click Connect");
        workbench.process().awaitOutput(mark, "Connect to a broker: Connected to " + broker, REACT);
        awaitView("the dialog closed once connected", REACT, view -> !view.shells().contains("Connect to a broker"));

        // then the password is in secure storage, encrypted, beside an owner-only key, and in no plain file
        Path secure = workbench.home().resolve("secure");
        assertTrue(Files.readString(secure.resolve("storage")).contains("org.neuromesh"), "secure storage written");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secure.resolve(
                "master.key"))));
        assertEquals(List.of(), FilesHolding.text(MosquittoBroker.PASSWORD, workbench.installation(),
                workbench.workspace(), workbench.home()), "plain files holding the password");
        assertFalse(workbench.process().output().contains(MosquittoBroker.PASSWORD),
                "the password in the output or log");

        // when the workbench restarts, then it connects again with the kept password, nobody typing it
        workbench.stop();
        workbench.launch();
        awaitView("the connection after the restart", START, view -> view.statusLine().stream()
                .anyMatch(line -> line.startsWith("Connected to " + broker + " · ")));
        assertTrue(workbench.process().output().contains("Reconnecting to " + broker
                + " as peer with the password kept in secure storage"), workbench.process()::output);
        assertEquals(List.of(), FilesHolding.text(MosquittoBroker.PASSWORD, workbench.installation(),
                workbench.workspace(), workbench.home()), "plain files holding the password after the restart");

        // and a connect command without a password takes the kept one as well
        mark = workbench.process().mark();
        command("commandwith " + CONNECT + " " + PARAMETER + "host=127.0.0.1 " + PARAMETER + "port="
                + mosquitto.plainPort());
        workbench.process().awaitOutput(mark, "Connect to a broker: Connected to " + broker, REACT);
    }

    @Test
    void givenPreferences_whenANewExperimentIsOpenedAndTrainingLooksForData_thenTheyAreUsed_andTheDialogsOpen()
            throws Exception {
        // given preferences as the Preferences dialog saves them: a default rule and an empty data folder
        workbench.stop();
        Path data = Files.createDirectories(work.resolve("data"));
        Path settings = Files.createDirectories(workbench.workspace().resolve(
                ".metadata/.plugins/org.eclipse.core.runtime/.settings"));
        Files.writeString(settings.resolve("org.neuromesh.ui.prefs"), "eclipse.preferences.version=1\n"
                + "defaultRule=pepita\ndataFolder=" + data + "\n");
        workbench.launch();
        awaitView("the Providers view", START, view -> view.shows(ViewSnapshot.PROVIDERS));

        // when Window > Preferences is opened, then its dialog shows; Apply and Close saves the same values again
        command("commandlater org.neuromesh.ui.command.preferences");
        awaitView("the Preferences dialog", REACT, view -> view.shells().contains("Preferences"));
        screenshot("workbench-preferences.png");
        command("click Apply and Close");
        awaitView("the Preferences dialog closed", REACT, view -> !view.shells().contains("Preferences"));
        String saved = Files.readString(settings.resolve("org.neuromesh.ui.prefs"));
        assertTrue(saved.contains("defaultRule=pepita"), saved);

        // when a new experiment file is named, then its rule is the default rule of the preferences
        Path fresh = work.resolve("fresh.nmx");
        command("command org.neuromesh.workbench.command.openexperiment org.neuromesh.workbench.commandparameter.file="
                + fresh);
        awaitView("the new experiment with the preferred rule", REACT, view -> view.part(ViewSnapshot.EXPERIMENT)
                .fields().contains("pepita"));

        // when a quick experiment runs, then training looks for MNIST in the preferred data folder (empty here)
        command("command org.neuromesh.workbench.command.runquick");
        awaitView("the data folder in the Learning view's message", Duration.ofSeconds(60), view -> view
                .part(ViewSnapshot.LEARNING).status().stream().anyMatch(line -> line.contains(data.resolve("mnist")
                        .toString())));

        // when Help > Getting Started is chosen, then its page opens and closes again
        command("commandlater org.neuromesh.ui.command.gettingstarted");
        awaitView("the Getting Started page", REACT, view -> view.shells().contains("Getting Started with NeuroMesh"));
        screenshot("workbench-getting-started.png");
        command("click Close");
        awaitView("the Getting Started page closed", REACT, view -> !view.shells().contains(
                "Getting Started with NeuroMesh"));
    }

    /** The connect command with parameters, as the dialog would connect with these fields. */
    private void connect(int port, String user, String password) throws IOException {
        // an empty user is an anonymous connection (without the parameter, the user of the broker in use)
        StringBuilder command = new StringBuilder("commandwith " + CONNECT + " " + PARAMETER + "host=127.0.0.1 "
                + PARAMETER + "port=" + port + " " + PARAMETER + "user=" + user);
        if (password != null) {
            command.append(" ").append(PARAMETER).append("password=").append(password);
        }
        command(command.toString());
    }
}

package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * {@code neuromesh:connect} in a server process of the built product, against a real Mosquitto with a password file:
 * a wrong password, a port where nothing listens and a password file others may read (each refused with the reason in
 * the shell and the log, the peer going on), then the right password typed and from an owner-only file; no file of
 * the peer holds the password, and after a restart the peer connects again by itself from the file.
 */
class ShellConnectProductIT {

    private static final Duration ANSWER = Duration.ofSeconds(40);
    private static final String DONE = "neuromesh:peers shows";

    @TempDir
    Path work;

    private MosquittoBroker mosquitto;
    private PeerProcess peer;

    @BeforeEach
    void startBrokerAndPeer() throws Exception {
        mosquitto = MosquittoBroker.start(work.resolve("mosquitto"));
        Path server = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server", work);
        peer = PeerProcess.prepareUnconnected(server, work.resolve("peer"), RunningProduct.freePort(),
                List.of("dataset = mnist", "classes = 0", "threads = 1")).start().awaitReady();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (peer != null) {
            peer.close();
        }
        mosquitto.close();
    }

    @Test
    void givenAMosquittoWithPasswords_whenTheShellConnects_thenEachRefusalSaysWhyAndNoFileHoldsThePassword()
            throws Exception {
        String broker = "127.0.0.1:" + mosquitto.plainPort();
        String uri = "tcp://" + broker;
        Path passwordFile = Files.createDirectories(work.resolve("secrets")).resolve("broker.pass");
        Files.writeString(passwordFile, MosquittoBroker.PASSWORD + "\n");

        // when connecting with a wrong password, then the shell and the log say the login was refused
        String wrong = connect(broker + " --user peer --password wrong-password");
        assertTrue(wrong.contains("not connected to " + broker + " as peer: the broker refused the login of user"
                + " 'peer'"), wrong);
        assertTrue(wrong.contains("cannot connect to " + uri + ": the broker refused the login"), wrong);
        // and the peer goes on
        assertTrue(peer.command("neuromesh:connect", "using", ANSWER).contains("using " + broker + " as peer"));

        // when connecting to a port where no broker listens, then both say so
        int closed = RunningProduct.freePort();
        String nobody = connect("127.0.0.1:" + closed);
        assertTrue(nobody.contains("not connected to 127.0.0.1:" + closed + ": no broker answers at 127.0.0.1:"
                + closed + " (connection refused)"), nobody);

        // when the password file may be read by others, then it is refused with the fix, before anything changes
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        String open = connect(broker + " --user peer --password-file " + passwordFile);
        String tooOpen = "settings refused: passwordFile: Permissions 0644 for password file " + passwordFile
                + " are too open: group and others must not have any access. Fix with: chmod 600 " + passwordFile;
        assertTrue(open.contains("not connected to " + broker + " as peer: " + tooOpen), open);
        assertTrue(open.contains("cannot connect to " + uri + ": " + tooOpen), open);
        assertTrue(peer.command("neuromesh:connect", "using", ANSWER).contains("using 127.0.0.1:" + closed));

        // when the right password is typed, then connected, and told that it is kept in memory only
        String typed = connect(broker + " --user peer --password " + MosquittoBroker.PASSWORD);
        assertTrue(typed.contains("connected to " + uri + " as peer"), typed);
        assertTrue(typed.contains("kept in memory only"), typed);
        assertEquals(List.of(), filesWithThePassword(), "plain files holding the password");

        // when the owner-only password file is named, then connected with it
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        String fromFile = connect(broker + " --user peer --password-file " + passwordFile);
        assertTrue(fromFile.contains("connected to " + uri + " as peer"), fromFile);
        assertEquals(List.of(), filesWithThePassword(), "plain files holding the password");
        // (the search does reach Config Admin's store: it finds the file's path there)
        assertTrue(FilesHolding.text(passwordFile.toString(), peer.folder()).stream().anyMatch(file -> file
                .startsWith(peer.folder().resolve("configuration"))), "Config Admin's store not searched");

        // when the peer restarts, then it connects again by itself, reading the file
        peer.kill();
        peer.start().awaitReady();
        peer.current().awaitOutput(0, "connected to " + uri, ANSWER);
        assertEquals(List.of(), filesWithThePassword(), "plain files holding the password after the restart");

        // and when it restarts with the file open to others, then the log says why it stays unconnected
        peer.kill();
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        peer.start();
        peer.current().awaitOutput(0, "MQTT transport not started: passwordFile: Permissions 0644 for password file "
                + passwordFile, Duration.ofMinutes(3));
        // and once the file is fixed, one command connects the running peer
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("r--------"));
        String fixed = connect(broker + " --user peer --password-file " + passwordFile);
        assertTrue(fixed.contains("connected to " + uri + " as peer"), fixed);
    }

    /** Types {@code neuromesh:connect ARGUMENTS} and returns what the peer printed until the command's last line. */
    private String connect(String arguments) throws IOException, InterruptedException {
        return peer.command("neuromesh:connect " + arguments, DONE, ANSWER);
    }

    /** Every file of the peer's folder (home, configuration area, conf/, plugins/) holding the password. */
    private List<Path> filesWithThePassword() throws IOException {
        return FilesHolding.text(MosquittoBroker.PASSWORD, peer.folder());
    }
}

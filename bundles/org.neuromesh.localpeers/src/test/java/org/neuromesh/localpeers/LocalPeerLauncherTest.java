package org.neuromesh.localpeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.PeerActionException;

/** The launcher with a shell script standing in for the peer's Java process (its console lines are the real ones). */
class LocalPeerLauncherTest {

    /** Says it is ready, then answers the own-model training on its console, then waits. */
    private static final String PEER = """
            echo "12:00:00 INFO org.neuromesh.server: NeuroMesh ready"
            while read line; do
              case "$line" in
                "neuromesh:borrow train-own --hidden 64,32 --epochs 2") echo "own model: 91.50% on local test data";;
                *) echo "gogo: CommandNotFoundException: $line";;
              esac
            done
            """;

    @TempDir
    Path work;

    private LocalPeerLauncher launcher;

    @AfterEach
    void stopPeers() {
        if (launcher != null) {
            launcher.stopAll();
        }
    }

    private LocalPeerLauncher launcher(String script, BrokerAddress broker, Duration timeout) throws Exception {
        Installation installation = FakeInstallation.create(work.resolve("install"), script);
        launcher = new LocalPeerLauncher(work.resolve("local-peers"), () -> installation, () -> broker, Map.of(),
                timeout, timeout);
        return launcher;
    }

    private static LocalPeerPlan plan(String name) {
        return new LocalPeerPlan(name, "mnist", Set.of(5, 6), List.of(64, 32), 2);
    }

    @Test
    void givenAnEmbeddedBroker_whenAPeerStartsAndStops_thenItTrainedItsModelAndLeavesNothingBehind()
            throws Exception {
        // given the embedded broker of this machine
        LocalPeerLauncher peers = launcher(PEER, new BrokerAddress("", 1883, false, ""), Duration.ofSeconds(20));
        // when a local peer with an own model of 64,32 nodes trained for 2 epochs starts
        LocalPeer peer = peers.start(plan("demo-peer-1"));
        // then it is running, with the accuracy its console reported, in its folder
        assertEquals(0.915, peer.ownModelAccuracy(), 1e-9);
        assertEquals(List.of(peer), peers.running());
        assertTrue(ProcessHandle.of(peer.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Files.isRegularFile(peer.folder().resolve("conf/org.neuromesh.learner.cfg")));
        // and when every local peer stops, then its process has ended and its folder is gone
        peers.stopAll();
        assertFalse(ProcessHandle.of(peer.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(peer.folder()));
        assertEquals(List.of(), peers.running());
    }

    @Test
    void givenARunningPeer_whenAnotherOfTheSameNameStarts_thenItIsRefusedAndTheFirstKeepsRunning()
            throws Exception {
        // given a running local peer
        LocalPeerLauncher peers = launcher(PEER, new BrokerAddress("127.0.0.1", 1883, false, ""),
                Duration.ofSeconds(20));
        LocalPeer first = peers.start(plan("twin"));
        // when a second one of that name starts, then that is refused by name
        PeerActionException refused = assertThrows(PeerActionException.class, () -> peers.start(plan("twin")));
        assertEquals("A local peer named twin runs already", refused.getMessage());
        // and the first runs on in its folder
        assertEquals(List.of(first), peers.running());
        assertTrue(Files.isDirectory(first.folder()));
    }

    @Test
    void givenARemoteBroker_whenAPeerStarts_thenItIsRefusedBeforeAnythingStarts() throws Exception {
        // given this peer connected to a community broker with a login
        LocalPeerLauncher peers = launcher(PEER, new BrokerAddress("broker.example.org", 8883, true, "alice"),
                Duration.ofSeconds(20));
        // when a local peer starts, then it is refused, saying why and what to do
        PeerActionException refused = assertThrows(PeerActionException.class, () -> peers.start(plan("p")));
        assertEquals("Local peers join this machine's broker; this peer is connected to ssl://broker.example.org:8883"
                + " as alice. Connect to the embedded broker first (Network > Connect to a broker..., host"
                + " 127.0.0.1).", refused.getMessage());
        assertFalse(Files.exists(work.resolve("local-peers/p")));
    }

    @Test
    void givenAPeerThatEndsWhileStarting_whenItStarts_thenTheMessageHasItsLastLinesAndItsFolderIsGone()
            throws Exception {
        // given a peer process that fails on start
        LocalPeerLauncher peers = launcher("echo 'Error: could not open the data set'; exit 3",
                new BrokerAddress("", 1883, false, ""), Duration.ofSeconds(20));
        // when it starts
        PeerActionException failed = assertThrows(PeerActionException.class, () -> peers.start(plan("broken")));
        // then the message says it ended, with its exit code and output, and nothing is left
        assertTrue(failed.getMessage().startsWith("Local peer broken did not start: its process ended"),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("Error: could not open the data set"), failed.getMessage());
        assertFalse(Files.exists(work.resolve("local-peers/broken")));
        assertEquals(List.of(), peers.running());
    }

    @Test
    void givenAPeerThatNeverGetsReady_whenItStarts_thenItIsStoppedAfterTheTimeout() throws Exception {
        // given a peer process that never says it is ready
        LocalPeerLauncher peers = launcher("echo starting; sleep 60", new BrokerAddress("", 1883, false, ""),
                Duration.ofSeconds(2));
        // when it starts, then it fails after 2 s, naming the wait and its output
        PeerActionException slow = assertThrows(PeerActionException.class, () -> peers.start(plan("slow")));
        assertEquals("Local peer slow took longer than 2 s to be ready; its last lines:\nstarting", slow.getMessage());
        // and its folder is gone (its process was stopped)
        assertFalse(Files.exists(work.resolve("local-peers/slow")));
    }

    @Test
    void givenAPeerStillStarting_whenEveryPeerIsStopped_thenItsStartFailsAtOnceAndNothingIsLeft() throws Exception {
        // given a peer process that is slow to get ready (it would take minutes)
        LocalPeerLauncher peers = launcher("echo starting; sleep 300", new BrokerAddress("", 1883, false, ""),
                Duration.ofMinutes(5));
        CompletableFuture<LocalPeer> start = CompletableFuture.supplyAsync(() -> {
            try {
                return peers.start(plan("slow"));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Path folder = work.resolve("local-peers/slow");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.isRegularFile(folder.resolve("conf/org.neuromesh.learner.cfg")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // its process launched
        // when every local peer is stopped while it starts
        peers.stopAll();
        // then its start fails within seconds, saying it was stopped, and its folder is gone
        ExecutionException failed = assertThrows(ExecutionException.class, () -> start.get(20, TimeUnit.SECONDS));
        assertInstanceOf(PeerActionException.class, failed.getCause());
        assertEquals("Local peer slow was stopped while it started", failed.getCause().getMessage());
        assertFalse(Files.exists(folder));
        assertEquals(List.of(), peers.running());
    }

    @Test
    void givenNoInstalledProduct_whenAPeerStarts_thenTheMessageSaysSo() {
        // given a peer running from a test framework, not from an installed product
        launcher = new LocalPeerLauncher(work.resolve("local-peers"), () -> {
            throw new UncheckedIOException(new java.io.IOException("local peers start from an installed NeuroMesh"
                    + " product; /x/plugins has no Equinox launcher"));
        }, () -> new BrokerAddress("", 1883, false, ""), Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(2));
        // when a peer starts, then the message says what is missing
        PeerActionException missing = assertThrows(PeerActionException.class, () -> launcher.start(plan("p")));
        assertEquals("Cannot start local peer p: local peers start from an installed NeuroMesh product; /x/plugins"
                + " has no Equinox launcher", missing.getMessage());
    }
}

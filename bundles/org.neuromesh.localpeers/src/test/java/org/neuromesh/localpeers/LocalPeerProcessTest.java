package org.neuromesh.localpeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPeerProcessTest {

    @TempDir
    Path work;

    @Test
    void givenAChattyProcess_whenItWritesMoreThanIsKept_thenOnlyTheLastLinesAreHeldAndLaterLinesStillFound()
            throws Exception {
        // given a process that writes 5,000 lines of 10,000 characters, then echoes what it is told
        try (LocalPeerProcess process = LocalPeerProcess.start(List.of("bash", "-c", "x=$(printf 'y%.0s' {1..10000});"
                + " for i in $(seq 1 5000); do echo \"$i $x\"; done; echo done; read line; echo \"got $line\";"
                + " sleep 30"), work)) {
            // when all of it is written
            assertTrue(process.awaitLine(0, "done"::equals, Duration.ofSeconds(30)).isPresent());
            // then only the last 400 lines are kept, each cut at 2,000 characters
            String tail = process.tail(1_000);
            assertEquals(LocalPeerProcess.KEPT_LINES, tail.lines().count());
            assertTrue(tail.lines().allMatch(line -> line.length() <= LocalPeerProcess.LINE_LIMIT));
            assertTrue(tail.startsWith("4602 y"), tail.substring(0, 20));
            // and a line typed into its console is answered after the mark
            long mark = process.mark();
            process.type("hello");
            assertEquals(Optional.of("got hello"), process.awaitLine(mark, line -> line.startsWith("got "),
                    Duration.ofSeconds(10)));
            // and nothing before the mark is found again
            assertEquals(Optional.empty(), process.awaitLine(mark, "done"::equals, Duration.ofMillis(200)));
        }
    }

    @Test
    void givenAProcessThatEnds_whenALineIsAwaited_thenTheWaitEndsWithItsExitAndLastLines() throws Exception {
        // given a process that writes one line and ends
        LocalPeerProcess process = LocalPeerProcess.start(List.of("bash", "-c", "echo 'no data'; exit 3"), work);
        // when a line it never writes is awaited, then the wait ends with what it wrote
        IOException ended = assertThrows(IOException.class, () -> process.awaitLine(0, "ready"::equals,
                Duration.ofSeconds(30)));
        assertTrue(ended.getMessage().startsWith("its process ended"), ended.getMessage());
        assertTrue(ended.getMessage().endsWith("its last lines:\nno data"), ended.getMessage());
        assertFalse(process.isAlive());
    }

    @Test
    void givenAProcessIgnoringTheRequestToStop_whenItIsStopped_thenItIsKilledAfterTheGrace() throws Exception {
        // given a process that ignores SIGTERM
        LocalPeerProcess process = LocalPeerProcess.start(List.of("bash", "-c", "trap '' TERM; echo up; sleep 60"),
                work);
        process.awaitLine(0, "up"::equals, Duration.ofSeconds(10));
        // when it is stopped with a grace of 1 s, then it has ended
        process.stop(Duration.ofSeconds(1));
        assertFalse(process.isAlive());
    }
}

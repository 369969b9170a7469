package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.peer.PeerId;

class CreditBookTest {

    private static final PeerId ALICE = new PeerId("a1".repeat(32));
    private static final PeerId BOB = new PeerId("b2".repeat(32));

    @TempDir
    Path folder;

    @Test
    void givenCreditsRecorded_whenTheBookIsOpenedAgain_thenTheBalancesSurvive() throws IOException {
        // given
        CreditBook book = CreditBook.open(folder.resolve("peer/credits.txt"));
        book.record(ALICE, 32);
        book.record(BOB, -10);
        book.record(ALICE, 8);
        // when
        CreditBook reopened = CreditBook.open(folder.resolve("peer/credits.txt"));
        // then
        assertEquals(40, reopened.balance(ALICE));
        assertEquals(-10, reopened.balance(BOB));
        assertEquals(30, reopened.total());
        assertEquals(Map.of(ALICE, 40L, BOB, -10L), reopened.balances());
        try (var files = Files.list(folder.resolve("peer"))) {
            assertEquals(List.of("credits.txt"), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void givenAnUnknownPeer_whenAskedForItsBalance_thenItIsZero() throws IOException {
        assertEquals(0, CreditBook.open(folder.resolve("credits.txt")).balance(ALICE));
    }

    @Test
    void givenABrokenFile_whenOpened_thenTheErrorNamesFileAndLine() throws IOException {
        Path file = folder.resolve("credits.txt");
        Files.writeString(file, CreditBook.HEADER + "\n" + ALICE.value() + " 3\n" + BOB.value() + " three\n");
        IOException broken = assertThrows(IOException.class, () -> CreditBook.open(file));
        assertTrue(broken.getMessage().contains(file + " line 3"), broken.getMessage());
        Files.writeString(file, "something else\n");
        IOException foreign = assertThrows(IOException.class, () -> CreditBook.open(file));
        assertTrue(foreign.getMessage().contains("is not a credit book"), foreign.getMessage());
    }

    @Test
    void givenAnUnwritableFolder_whenRecording_thenNothingIsRecorded() throws IOException {
        Path file = folder.resolve("blocked/credits.txt");
        CreditBook book = CreditBook.open(file);
        Files.writeString(folder.resolve("blocked"), "a file where the folder should be");
        assertThrows(IOException.class, () -> book.record(ALICE, 5));
        assertEquals(0, book.balance(ALICE));
    }
}

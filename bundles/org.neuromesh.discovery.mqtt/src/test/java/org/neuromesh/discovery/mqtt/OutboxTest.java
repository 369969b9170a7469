package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path folder;

    @Test
    void givenStoredMessages_whenReopened_thenTheyComeBackOldestFirstWithTheirTopicsAndPayloads() throws Exception {
        try (Outbox outbox = Outbox.open(folder)) {
            for (int i = 0; i < 12; i++) {
                outbox.add("t/" + i, new byte[] {(byte) i, 7});
            }
        }
        try (Outbox outbox = Outbox.open(folder)) {
            List<OutboxEntry> pending = outbox.pending();
            assertEquals(12, pending.size());
            for (int i = 0; i < 12; i++) {
                assertEquals("t/" + i, pending.get(i).topic());
                assertArrayEquals(new byte[] {(byte) i, 7}, outbox.read(pending.get(i)));
            }
            // new entries continue after the old ones
            OutboxEntry next = outbox.add("t/next", new byte[] {1});
            assertTrue(next.sequence() > pending.get(11).sequence());
        }
    }

    @Test
    void givenAnAcknowledgedEntry_whenRemoved_thenItsFileIsGoneAndASecondRemoveIsHarmless() throws Exception {
        try (Outbox outbox = Outbox.open(folder)) {
            OutboxEntry entry = outbox.add("t", new byte[] {1});
            assertEquals(1, outbox.size());
            outbox.remove(entry);
            outbox.remove(entry);
            assertEquals(0, outbox.size());
        }
    }

    @Test
    void givenLeftoversOfAnInterruptedWriteAndAForeignFile_whenOpened_thenNeitherIsSent() throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve("0000000000000000005.nmo.tmp"), new byte[] {1, 2});
        Files.write(folder.resolve("0000000000000000003.nmo"), "not an entry".getBytes());
        try (Outbox outbox = Outbox.open(folder)) {
            assertEquals(List.of(), outbox.pending());
            assertTrue(Files.exists(folder.resolve("0000000000000000003.nmo.corrupt")));
            assertTrue(Files.notExists(folder.resolve("0000000000000000005.nmo.tmp")));
        }
    }

    @Test
    void givenAnOpenOutbox_whenOpenedAgain_thenItIsRefusedAsInUse() throws Exception {
        try (Outbox outbox = Outbox.open(folder)) {
            IOException refused = assertThrows(IOException.class, () -> Outbox.open(folder));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        }
        Outbox.open(folder).close();
    }
}

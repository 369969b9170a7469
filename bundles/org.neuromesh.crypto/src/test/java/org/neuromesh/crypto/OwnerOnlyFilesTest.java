package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @Test
    void givenAnOwnerOnlyFile_whenRead_thenItsTextWithoutTheClosingLineBreak() throws Exception {
        // given files of mode 0600 and 0400, one ending in a Windows line break, one in none, one in two
        Path unix = secret("unix", "s3cret ü\n", "rw-------");
        Path windows = secret("windows", "s3cret ü\r\n", "r--------");
        Path bare = secret("bare", "s3cret ü", "rw-------");
        Path twoLines = secret("two", "s3cret ü\n\n", "rw-------");
        // when read, then the password is the text; only the last line break is dropped
        assertArrayEquals("s3cret ü".toCharArray(), OwnerOnlyFiles.readSecret(unix, "password file"));
        assertArrayEquals("s3cret ü".toCharArray(), OwnerOnlyFiles.readSecret(windows, "password file"));
        assertArrayEquals("s3cret ü".toCharArray(), OwnerOnlyFiles.readSecret(bare, "password file"));
        assertArrayEquals("s3cret ü\n".toCharArray(), OwnerOnlyFiles.readSecret(twoLines, "password file"));
    }

    @Test
    void givenAFileGroupOrOthersMayAccess_whenRead_thenRefusedNamingTheModeAndTheFix() throws Exception {
        Map<String, String> octal = Map.of("rw-r--r--", "0644", "rw-r-----", "0640", "rw----r--", "0604",
                "rw-----w-", "0602", "rwx--x---", "0710");
        for (Map.Entry<String, String> mode : octal.entrySet()) {
            // given a password file with that mode
            Path file = secret("open", "secret\n", mode.getKey());
            // when read, then refused with the mode in octal and the chmod that fixes it
            IOException e = assertThrows(IOException.class, () -> OwnerOnlyFiles.readSecret(file, "password file"));
            assertEquals("Permissions " + mode.getValue() + " for password file " + file + " are too open: group and"
                    + " others must not have any access. Fix with: chmod 600 " + file, e.getMessage());
        }
    }

    @Test
    void givenAMissingEmptyHugeOrBinaryFile_whenRead_thenRefusedSayingWhy() throws Exception {
        Path missing = temp.resolve("missing");
        assertEquals("password file " + missing + " does not exist or is not a regular file", assertThrows(
                IOException.class, () -> OwnerOnlyFiles.readSecret(missing, "password file")).getMessage());
        Path empty = secret("empty", "\n", "rw-------");
        assertEquals("password file " + empty + " is empty", assertThrows(IOException.class,
                () -> OwnerOnlyFiles.readSecret(empty, "password file")).getMessage());
        Path huge = secret("huge", "x".repeat(OwnerOnlyFiles.MAX_SECRET_BYTES + 1), "rw-------");
        assertEquals("password file " + huge + " has 4097 bytes, more than a password (4096 at most)", assertThrows(
                IOException.class, () -> OwnerOnlyFiles.readSecret(huge, "password file")).getMessage());
        Path binary = temp.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-------"));
        assertEquals("password file " + binary + " is not UTF-8 text", assertThrows(IOException.class,
                () -> OwnerOnlyFiles.readSecret(binary, "password file")).getMessage());
    }

    private Path secret(String name, String text, String mode) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}

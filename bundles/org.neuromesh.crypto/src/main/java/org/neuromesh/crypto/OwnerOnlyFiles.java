package org.neuromesh.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold a secret and that only their owner may access, as ssh wants of its keys: a file that group or
 * others may read, write or execute is refused, with a message naming the file, its mode and the fix
 * ({@code chmod 600 FILE}). Modes are checked on file systems that have POSIX permissions only.
 */
public final class OwnerOnlyFiles {

    /** Longer files are refused: a password or key file is far smaller. */
    public static final int MAX_SECRET_BYTES = 4096;

    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /**
     * @param what what the file is, for the message, e.g. "private key file"
     * @throws IOException if group or others may access {@code file}, or its mode cannot be read
     */
    public static void requireOwnerOnly(Path file, String what) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(NOT_FOR_OTHERS::contains)) {
            throw new IOException("Permissions " + octal(permissions) + " for " + what + " " + file
                    + " are too open: group and others must not have any access. Fix with: chmod 600 " + file);
        }
    }

    /**
     * The secret in {@code file}: its UTF-8 text without the line break that ends it. The caller wipes the array.
     *
     * @param what what the file is, for the messages, e.g. "password file"
     * @throws IOException naming {@code what} and the file if it is missing, not a regular file, open to group or
     *                     others, empty, longer than {@value #MAX_SECRET_BYTES} bytes or not UTF-8 text
     */
    public static char[] readSecret(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " " + file + " does not exist or is not a regular file");
        }
        requireOwnerOnly(file, what);
        long size = Files.size(file);
        if (size > MAX_SECRET_BYTES) {
            throw new IOException(what + " " + file + " has " + size + " bytes, more than a password ("
                    + MAX_SECRET_BYTES + " at most)");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\n') {
                length--;
                if (length > 0 && bytes[length - 1] == '\r') {
                    length--;
                }
            }
            if (length == 0) {
                throw new IOException(what + " " + file + " is empty");
            }
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            char[] secret = new char[text.remaining()];
            text.get(secret);
            Arrays.fill(text.array(), '\0');
            return secret;
        } catch (CharacterCodingException e) {
            throw new IOException(what + " " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}

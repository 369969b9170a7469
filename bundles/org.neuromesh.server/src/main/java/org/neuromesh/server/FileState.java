package org.neuromesh.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Size and modification time of a file: enough to tell that it changed, or that it is still being copied. */
public record FileState(long size, long modifiedMillis) {

    public static FileState of(Path file) throws IOException {
        return new FileState(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }

    /** The state of every regular file in {@code folder} matching {@code glob}, keyed by absolute, normal path. */
    public static Map<Path, FileState> list(Path folder, String glob) throws IOException {
        Map<Path, FileState> files = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            for (Path file : entries) {
                if (Files.isRegularFile(file)) {
                    files.put(file.toAbsolutePath().normalize(), of(file));
                }
            }
        }
        return files;
    }
}

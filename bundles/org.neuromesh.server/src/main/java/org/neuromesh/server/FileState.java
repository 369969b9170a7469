package org.neuromesh.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Size and modification time of a file: enough to tell that it changed, or that it is still being copied. */
public record FileState(long size, long modifiedMillis) {

    public static FileState of(Path file) throws IOException {
        return new FileState(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }
}

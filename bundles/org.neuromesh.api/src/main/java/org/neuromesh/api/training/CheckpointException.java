package org.neuromesh.api.training;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint that cannot be read: missing, not a NeuroMesh checkpoint, truncated, damaged or of impossible sizes.
 * The message names the file and what is wrong with it.
 */
public class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CheckpointException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}

package org.neuromesh.engine.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that cannot be read as expected; the message names the file and the cause. */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Not serialized: {@link Path} is not serializable. The message still names the file. */
    private final transient Path file;

    /**
     * @param file   the offending file
     * @param detail what is wrong with it
     */
    public IdxFormatException(Path file, String detail) {
        this(file, detail, null);
    }

    /**
     * @param file   the offending file
     * @param detail what is wrong with it
     * @param cause  the underlying exception, or {@code null}
     */
    public IdxFormatException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /** The offending file ({@code null} after deserialization). */
    public Path file() {
        return file;
    }
}

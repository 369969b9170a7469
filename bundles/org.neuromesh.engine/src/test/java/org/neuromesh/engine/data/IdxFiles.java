package org.neuromesh.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Bytes of an IDX file: the magic 0x0000TTDD, big-endian dimension sizes, then the data as given. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length); // big-endian by default
        buffer.putInt(type << 8 | dims.length);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        buffer.put(data);
        return buffer.array();
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return idx(0x08, new int[] {count, rows, cols}, pixels);
    }

    static byte[] labels(byte... labels) {
        return idx(0x08, new int[] {labels.length}, labels);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}

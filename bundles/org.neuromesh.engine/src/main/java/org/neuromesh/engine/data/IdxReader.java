package org.neuromesh.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (the MNIST format): images as idx3-ubyte (magic 0x00000803, then count, rows, cols)
 * and labels as idx1-ubyte (magic 0x00000801, then count), all big-endian. Files starting with the gzip magic are
 * decompressed transparently. Anything unexpected (wrong magic, another data type, a truncated file, trailing bytes,
 * label and image counts that differ) gives an {@link IdxFormatException} naming the file and the cause.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_MAGIC = 0x00000803;
    private static final int LABEL_MAGIC = 0x00000801;
    private static final int BUFFER_SIZE = 1 << 16;
    /** Largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads an image file and its label file.
     *
     * @param imagesFile idx3-ubyte file, plain or gzipped
     * @param labelsFile idx1-ubyte file with one label per image, plain or gzipped
     * @return the images with pixels scaled from 0..255 to [0, 1]
     * @throws IdxFormatException if either file is malformed or the counts differ
     * @throws IOException        if a file cannot be read
     */
    public static LabelledImages read(Path imagesFile, Path labelsFile) throws IOException {
        byte[] labels = readLabels(labelsFile);
        try (InputStream in = open(imagesFile)) {
            int[] dims = readHeader(imagesFile, in, IMAGE_MAGIC);
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            if (rows < 1 || cols < 1) {
                throw new IdxFormatException(imagesFile, "image size must be positive, found " + rows + " x " + cols);
            }
            int size = size(imagesFile, dims);
            if (count != labels.length) {
                throw new IdxFormatException(labelsFile,
                        "has " + labels.length + " labels but " + imagesFile + " has " + count + " images");
            }
            float[] pixels = readPixels(imagesFile, in, size);
            requireEnd(imagesFile, in, pixels.length, "pixel");
            return new LabelledImages(count, rows, cols, pixels, labels);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(imagesFile, e);
        }
    }

    /**
     * Reads an idx1-ubyte label file.
     *
     * @return one byte per label; read as unsigned
     * @throws IdxFormatException if the file is malformed
     * @throws IOException        if the file cannot be read
     */
    public static byte[] readLabels(Path labelsFile) throws IOException {
        try (InputStream in = open(labelsFile)) {
            int[] dims = readHeader(labelsFile, in, LABEL_MAGIC);
            int expected = size(labelsFile, dims);
            byte[] labels = in.readNBytes(expected);
            if (labels.length < expected) {
                throw new IdxFormatException(labelsFile,
                        "truncated: expected " + expected + " label bytes, found " + labels.length);
            }
            requireEnd(labelsFile, in, expected, "label");
            return labels;
        } catch (ZipException | EOFException e) {
            // Only the gzip layer throws these; our own reads report short counts instead.
            throw corruptGzip(labelsFile, e);
        }
    }

    /** Opens the file, unzipping it if it starts with the gzip magic 0x1f 0x8b. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_SIZE), BUFFER_SIZE);
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads the magic number and the dimension sizes; returns the sizes. */
    private static int[] readHeader(Path file, InputStream in, int expectedMagic) throws IOException {
        int expectedDims = expectedMagic & 0xFF;
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IdxFormatException(file,
                    "truncated header: expected a 4-byte magic number, found " + magicBytes.length + " bytes");
        }
        int magic = toInt(magicBytes, 0);
        if (magicBytes[0] != 0 || magicBytes[1] != 0) {
            throw new IdxFormatException(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X: not an IDX file", magic, expectedMagic));
        }
        int type = Byte.toUnsignedInt(magicBytes[2]);
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, String.format(
                    "unsupported data type 0x%02X (%s) in magic number 0x%08X, only unsigned byte (0x08) is supported",
                    type, typeName(type), magic));
        }
        int dimCount = Byte.toUnsignedInt(magicBytes[3]);
        if (dimCount != expectedDims) {
            throw new IdxFormatException(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X: %d dimension(s) (idx%d), expected %d (idx%d)",
                    magic, expectedMagic, dimCount, dimCount, expectedDims, expectedDims));
        }
        byte[] dimBytes = in.readNBytes(4 * dimCount);
        if (dimBytes.length < 4 * dimCount) {
            throw new IdxFormatException(file, "truncated header: expected " + 4 * dimCount
                    + " bytes of dimension sizes, found " + dimBytes.length);
        }
        int[] dims = new int[dimCount];
        for (int d = 0; d < dimCount; d++) {
            dims[d] = toInt(dimBytes, 4 * d);
            if (dims[d] < 0) {
                throw new IdxFormatException(file,
                        "dimension " + d + " is " + Integer.toUnsignedString(dims[d]) + ", too large");
            }
        }
        return dims;
    }

    /** Number of values the dimensions describe, if they fit in one array. */
    private static int size(Path file, int[] dims) throws IdxFormatException {
        long size = 1;
        for (int dim : dims) {
            size *= dim; // each dim < 2^31 and size stays <= MAX_ARRAY_LENGTH, so no overflow
            if (size > MAX_ARRAY_LENGTH) {
                throw new IdxFormatException(file, "too large: more than " + MAX_ARRAY_LENGTH + " values");
            }
        }
        return (int) size;
    }

    /** Reads {@code count} unsigned bytes in chunks and scales them to [0, 1], without a full-size byte copy. */
    private static float[] readPixels(Path file, InputStream in, int count) throws IOException {
        float[] pixels = new float[count];
        byte[] buffer = new byte[BUFFER_SIZE];
        int filled = 0;
        while (filled < count) {
            int read = in.read(buffer, 0, Math.min(buffer.length, count - filled));
            if (read < 0) {
                throw new IdxFormatException(file,
                        "truncated: expected " + count + " pixel bytes, found " + filled);
            }
            for (int i = 0; i < read; i++) {
                pixels[filled + i] = Byte.toUnsignedInt(buffer[i]) / 255f;
            }
            filled += read;
        }
        return pixels;
    }

    private static void requireEnd(Path file, InputStream in, int expected, String what) throws IOException {
        long extra = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read; (read = in.read(buffer)) > 0; ) {
            extra += read;
        }
        if (extra > 0) {
            throw new IdxFormatException(file, "trailing garbage: " + extra + " bytes after the expected "
                    + expected + " " + what + " bytes");
        }
    }

    private static IdxFormatException corruptGzip(Path file, IOException e) {
        return new IdxFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
    }

    private static int toInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8
                | (b[offset + 3] & 0xFF);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type";
        };
    }
}

package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromesh.engine.data.IdxFiles.gzip;
import static org.neuromesh.engine.data.IdxFiles.idx;
import static org.neuromesh.engine.data.IdxFiles.images;
import static org.neuromesh.engine.data.IdxFiles.labels;
import static org.neuromesh.engine.data.IdxFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Three 2 x 2 images with pixels 0, 51, 102, ... */
    private static final byte[] PIXELS = {
        0, 51, 102, (byte) 153,
        (byte) 204, (byte) 255, 0, 0,
        1, 2, 3, 4};
    private static final byte[] LABELS = {5, 0, (byte) 200};

    @TempDir
    Path dir;

    @Test
    void readsPlainFilesScalingPixelsToUnitRange() throws IOException {
        // given
        Path images = write(dir, "images", images(3, 2, 2, PIXELS));
        Path labels = write(dir, "labels", labels(LABELS));

        // when
        LabelledImages read = IdxReader.read(images, labels);

        // then
        assertEquals(3, read.count());
        assertEquals(2, read.rows());
        assertEquals(2, read.cols());
        assertArrayEquals(new float[] {0f, 0.2f, 0.4f, 0.6f}, read.sample(0, new float[4]));
        assertArrayEquals(new float[] {0.8f, 1f, 0f, 0f}, read.sample(1, new float[4]));
        assertEquals(1f / 255f, read.pixels()[8]);
        assertArrayEquals(LABELS, read.labels());
    }

    @Test
    void labelValuesAreNotRestrictedToDigits() throws IOException {
        Path images = write(dir, "images", images(3, 2, 2, PIXELS));
        Path labels = write(dir, "labels", labels(LABELS));

        LabelledImages read = IdxReader.read(images, labels);

        assertEquals(200, read.label(2));
    }

    @Test
    void readsGzippedFilesTransparentlyWithTheSameResult() throws IOException {
        // given the same content, once plain and once gzipped (names do not matter, the gzip magic does)
        LabelledImages plain = IdxReader.read(
                write(dir, "images", images(3, 2, 2, PIXELS)), write(dir, "labels", labels(LABELS)));

        // when
        LabelledImages gzipped = IdxReader.read(
                write(dir, "images.gz", gzip(images(3, 2, 2, PIXELS))),
                write(dir, "labels-without-suffix", gzip(labels(LABELS))));

        // then
        assertEquals(plain, gzipped);
    }

    @Test
    void readsAnEmptySet() throws IOException {
        LabelledImages read = IdxReader.read(
                write(dir, "images", images(0, 28, 28, new byte[0])), write(dir, "labels", labels()));

        assertEquals(0, read.count());
        assertEquals(0, read.pixels().length);
    }

    @Test
    void wrongMagicIsReported() throws IOException {
        Path images = write(dir, "images", "PK\3\4 not an idx file".getBytes(StandardCharsets.ISO_8859_1));
        Path labels = write(dir, "labels", labels(LABELS));

        assertMessage(images + ": wrong magic number 0x504B0304, expected 0x00000803: not an IDX file",
                () -> IdxReader.read(images, labels));
    }

    @Test
    void labelFileGivenAsImageFileIsReportedAsWrongMagic() throws IOException {
        Path labels = write(dir, "labels", labels(LABELS));

        assertMessage(labels + ": wrong magic number 0x00000801, expected 0x00000803: 1 dimension(s) (idx1),"
                + " expected 3 (idx3)", () -> IdxReader.read(labels, labels));
    }

    @Test
    void unsupportedDataTypeIsReported() throws IOException {
        Path images = write(dir, "images", idx(0x0D, new int[] {1, 1, 1}, new byte[4]));
        Path labels = write(dir, "labels", labels((byte) 1));

        assertMessage(images + ": unsupported data type 0x0D (float) in magic number 0x00000D03,"
                + " only unsigned byte (0x08) is supported", () -> IdxReader.read(images, labels));
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path labels = write(dir, "labels", new byte[] {0, 0, 8, 1, 0, 0});

        assertMessage(labels + ": truncated header: expected 4 bytes of dimension sizes, found 2",
                () -> IdxReader.readLabels(labels));
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path labels = write(dir, "labels", new byte[0]);

        assertMessage(labels + ": truncated header: expected a 4-byte magic number, found 0 bytes",
                () -> IdxReader.readLabels(labels));
    }

    @Test
    void truncatedPixelsAreReported() throws IOException {
        // given a header promising 3 x 2 x 2 = 12 pixels but only 5 of them
        Path images = write(dir, "images", images(3, 2, 2, Arrays.copyOf(PIXELS, 5)));
        Path labels = write(dir, "labels", labels(LABELS));

        assertMessage(images + ": truncated: expected 12 pixel bytes, found 5", () -> IdxReader.read(images, labels));
    }

    @Test
    void truncatedLabelsAreReported() throws IOException {
        Path labels = write(dir, "labels", idx(0x08, new int[] {60000}, new byte[1234]));

        assertMessage(labels + ": truncated: expected 60000 label bytes, found 1234",
                () -> IdxReader.readLabels(labels));
    }

    @Test
    void trailingGarbageIsReported() throws IOException {
        byte[] withGarbage = Arrays.copyOf(images(3, 2, 2, PIXELS), 16 + 12 + 7);
        Path images = write(dir, "images", withGarbage);
        Path labels = write(dir, "labels", labels(LABELS));

        assertMessage(images + ": trailing garbage: 7 bytes after the expected 12 pixel bytes",
                () -> IdxReader.read(images, labels));
    }

    @Test
    void trailingGarbageInsideGzippedLabelsIsReported() throws IOException {
        Path labels = write(dir, "labels.gz", gzip(Arrays.copyOf(labels(LABELS), 8 + 3 + 1)));

        assertMessage(labels + ": trailing garbage: 1 bytes after the expected 3 label bytes",
                () -> IdxReader.readLabels(labels));
    }

    @Test
    void labelCountDifferentFromImageCountIsReported() throws IOException {
        Path images = write(dir, "images", images(3, 2, 2, PIXELS));
        Path labels = write(dir, "labels", labels((byte) 1, (byte) 2));

        assertMessage(labels + ": has 2 labels but " + images + " has 3 images", () -> IdxReader.read(images, labels));
    }

    @Test
    void zeroImageSizeIsReported() throws IOException {
        Path images = write(dir, "images", images(0, 0, 28, new byte[0]));
        Path labels = write(dir, "labels", labels());

        assertMessage(images + ": image size must be positive, found 0 x 28", () -> IdxReader.read(images, labels));
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] gz = gzip(images(3, 2, 2, PIXELS));
        Path images = write(dir, "images.gz", Arrays.copyOf(gz, gz.length - 12));
        Path labels = write(dir, "labels", labels(LABELS));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(images, labels));
        assertEquals(images, e.file());
        assertEquals(images + ": corrupt or truncated gzip data (Unexpected end of ZLIB input stream)",
                e.getMessage());
    }

    @Test
    void hugeDimensionsAreReportedBeforeAllocating() throws IOException {
        Path images = write(dir, "images", idx(0x08, new int[] {60000, 60000, 28}, new byte[0]));
        Path labels = write(dir, "labels", idx(0x08, new int[] {-1}, new byte[0]));

        assertMessage(labels + ": dimension 0 is 4294967295, too large", () -> IdxReader.readLabels(labels));
        assertMessage(images + ": too large: more than 2147483639 values",
                () -> IdxReader.read(images, write(dir, "labels", labels())));
    }

    private static void assertMessage(String expected, Executable read) {
        IdxFormatException e = assertThrows(IdxFormatException.class, read);
        assertEquals(expected, e.getMessage());
    }
}

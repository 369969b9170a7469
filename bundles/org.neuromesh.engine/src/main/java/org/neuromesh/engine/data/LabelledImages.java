package org.neuromesh.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Greyscale images with one label each, as read from an IDX image/label file pair.
 *
 * <p>The record takes ownership of the arrays without copying them (a training set is hundreds of megabytes), and its
 * accessors return those same arrays: treat them as read-only. {@code equals} and {@code hashCode} compare contents.
 *
 * @param count  number of images, &gt;= 0
 * @param rows   pixel rows per image, &gt;= 1
 * @param cols   pixel columns per image, &gt;= 1
 * @param pixels {@code count * rows * cols} values in [0, 1], image after image, each row-major
 * @param labels {@code count} labels; read them as unsigned with {@link #label(int)}
 */
public record LabelledImages(int count, int rows, int cols, float[] pixels, byte[] labels) {

    /** Validates the shape: non-negative count, positive image size, array lengths matching. */
    public LabelledImages {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        long expectedPixels = (long) count * rows * cols;
        if (pixels.length != expectedPixels) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values, expected " + expectedPixels
                    + " (" + count + " images of " + rows + " x " + cols + ")");
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected " + count);
        }
    }

    /** Pixels per image, {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Label of image {@code i} as an unsigned value, 0..255. */
    public int label(int i) {
        return Byte.toUnsignedInt(labels[Objects.checkIndex(i, count)]);
    }

    /**
     * Copies the pixels of image {@code i} into {@code into}, without allocating.
     *
     * @param into array of exactly {@link #pixelsPerImage()} values
     * @return {@code into}
     */
    public float[] sample(int i, float[] into) {
        Objects.checkIndex(i, count);
        Objects.requireNonNull(into, "into");
        int size = pixelsPerImage();
        if (into.length != size) {
            throw new IllegalArgumentException("into has " + into.length + " values, an image has " + size);
        }
        System.arraycopy(pixels, i * size, into, 0, size);
        return into;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledImages that
                && count == that.count && rows == that.rows && cols == that.cols
                && Arrays.equals(labels, that.labels) && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, rows, cols, Arrays.hashCode(labels), Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "LabelledImages[" + count + " images of " + rows + " x " + cols + "]";
    }
}

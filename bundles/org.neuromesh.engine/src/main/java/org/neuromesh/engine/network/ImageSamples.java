package org.neuromesh.engine.network;

import java.util.Objects;

import org.neuromesh.engine.data.LabelledImages;

/**
 * Images as samples: whole (one static vector per image) or row by row (a sequence of {@code rows} steps of
 * {@code cols} pixels, the temporal task where the label is known only after the last row).
 */
public final class ImageSamples implements SampleSet {

    private final LabelledImages images;
    private final boolean rowByRow;
    private final int classes;

    private ImageSamples(LabelledImages images, boolean rowByRow, int classes) {
        this.images = Objects.requireNonNull(images, "images");
        this.rowByRow = rowByRow;
        this.classes = classes;
    }

    /** Each image is one static sample of rows x cols values. */
    public static ImageSamples whole(LabelledImages images, int classes) {
        return new ImageSamples(images, false, classes);
    }

    /** Each image is a sequence of its rows. */
    public static ImageSamples rowByRow(LabelledImages images, int classes) {
        return new ImageSamples(images, true, classes);
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public int inputWidth() {
        return rowByRow ? images.cols() : images.pixelsPerImage();
    }

    @Override
    public int timeSteps() {
        return rowByRow ? images.rows() : 1;
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public int label(int sample) {
        return images.label(sample);
    }

    @Override
    public void fill(int[] samples, int from, int count, int step, float[] into) {
        int width = inputWidth();
        int offset = rowByRow ? step * images.cols() : 0;
        float[] pixels = images.pixels();
        int perImage = images.pixelsPerImage();
        for (int b = 0; b < count; b++) {
            System.arraycopy(pixels, samples[from + b] * perImage + offset, into, b * width, width);
        }
    }
}

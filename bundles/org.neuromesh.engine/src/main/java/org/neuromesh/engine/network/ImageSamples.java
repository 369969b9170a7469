package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.Objects;

import org.neuromesh.engine.data.LabelledImages;

/**
 * Images as samples: whole (one static vector per image); row by row (a sequence of {@code rows} steps of
 * {@code cols} pixels, the label known only after the last row); or delayed (the whole image at the first step,
 * then blank steps, and the error only at the end: credit must bridge the delay).
 */
public final class ImageSamples implements SampleSet {

    private final LabelledImages images;
    private final boolean rowByRow;
    private final int blankSteps;
    private final int classes;

    private ImageSamples(LabelledImages images, boolean rowByRow, int blankSteps, int classes) {
        this.images = Objects.requireNonNull(images, "images");
        this.rowByRow = rowByRow;
        this.blankSteps = blankSteps;
        this.classes = classes;
    }

    /** Each image is one static sample of rows x cols values. */
    public static ImageSamples whole(LabelledImages images, int classes) {
        return new ImageSamples(images, false, 0, classes);
    }

    /** Each image is a sequence of its rows. */
    public static ImageSamples rowByRow(LabelledImages images, int classes) {
        return new ImageSamples(images, true, 0, classes);
    }

    /** Each image is shown once, followed by {@code blankSteps} steps of zeros before the error arrives. */
    public static ImageSamples delayed(LabelledImages images, int classes, int blankSteps) {
        if (blankSteps < 1) {
            throw new IllegalArgumentException("a delayed task needs at least one blank step, got " + blankSteps);
        }
        return new ImageSamples(images, false, blankSteps, classes);
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
        return rowByRow ? images.rows() : 1 + blankSteps;
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
        if (step > 0 && !rowByRow) {
            Arrays.fill(into, 0, count * width, 0f);
            return;
        }
        int offset = rowByRow ? step * images.cols() : 0;
        float[] pixels = images.pixels();
        int perImage = images.pixelsPerImage();
        for (int b = 0; b < count; b++) {
            System.arraycopy(pixels, samples[from + b] * perImage + offset, into, b * width, width);
        }
    }
}

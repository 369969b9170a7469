package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.neuromesh.engine.data.LabelledImages;

/**
 * Images as samples: whole (one static vector per image); row by row (a sequence of {@code rows} steps of
 * {@code cols} pixels, the label known only after the last row); or delayed (the whole image at the first step,
 * then blank steps, and the error only at the end: credit must bridge the delay).
 *
 * <p>Whole and delayed samples can be {@linkplain #augmented augmented} for training: every time an image is drawn
 * it is shifted (and perhaps mirrored) at random, drawn from a generator seeded once, so a run is repeatable. The
 * transformed image is written straight into the batch buffer; nothing is allocated per sample.
 */
public final class ImageSamples implements SampleSet {

    private final LabelledImages images;
    private final boolean rowByRow;
    private final int blankSteps;
    private final int classes;
    private final Augmentation augmentation;
    private final SplittableRandom random;

    private ImageSamples(LabelledImages images, boolean rowByRow, int blankSteps, int classes,
            Augmentation augmentation, long seed) {
        this.images = Objects.requireNonNull(images, "images");
        this.rowByRow = rowByRow;
        this.blankSteps = blankSteps;
        this.classes = classes;
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.random = new SplittableRandom(seed);
    }

    private ImageSamples(LabelledImages images, boolean rowByRow, int blankSteps, int classes) {
        this(images, rowByRow, blankSteps, classes, Augmentation.NONE, 0L);
    }

    /**
     * These samples, transformed at random by {@code augmentation} every time they are filled into a batch (for
     * training sets only: a test set should be left as it is).
     *
     * @param seed seeds the transformations; the same seed and the same sequence of batches give the same images
     * @throws IllegalArgumentException for row-by-row samples, which are seen a row at a time
     */
    public ImageSamples augmented(Augmentation augmentation, long seed) {
        if (rowByRow && augmentation.active()) {
            throw new IllegalArgumentException("augmentation works on whole images, not on images fed row by row");
        }
        return new ImageSamples(images, rowByRow, blankSteps, classes, augmentation, seed);
    }

    /** How the images are varied when filled into a batch; {@link Augmentation#NONE} if they are not. */
    public Augmentation augmentation() {
        return augmentation;
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
        if (augmentation.active()) {
            for (int b = 0; b < count; b++) {
                transform(pixels, samples[from + b] * perImage, into, b * width);
            }
            return;
        }
        for (int b = 0; b < count; b++) {
            System.arraycopy(pixels, samples[from + b] * perImage + offset, into, b * width, width);
        }
    }

    /**
     * Writes one image, mirrored (maybe) and then shifted by (dx, dy) drawn uniformly from [-maxShift, maxShift]:
     * {@code out[r][c] = src'[r - dy][c - dx]}, 0 where that falls outside, src' the image or its mirror.
     */
    private void transform(float[] pixels, int source, float[] into, int target) {
        int rows = images.rows();
        int cols = images.cols();
        int shift = augmentation.maxShift();
        int dy = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
        int dx = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
        boolean mirror = augmentation.flip() && random.nextBoolean();
        for (int r = 0; r < rows; r++) {
            int out = target + r * cols;
            int sourceRow = r - dy;
            if (sourceRow < 0 || sourceRow >= rows) {
                Arrays.fill(into, out, out + cols, 0f);
                continue;
            }
            int in = source + sourceRow * cols;
            // columns c with 0 <= c - dx < cols
            int first = Math.max(0, dx);
            int end = Math.min(cols, cols + dx);
            Arrays.fill(into, out, out + first, 0f);
            Arrays.fill(into, out + end, out + cols, 0f);
            if (mirror) {
                for (int c = first; c < end; c++) {
                    into[out + c] = pixels[in + cols - 1 - (c - dx)];
                }
            } else {
                System.arraycopy(pixels, in + first - dx, into, out + first, end - first);
            }
        }
    }
}

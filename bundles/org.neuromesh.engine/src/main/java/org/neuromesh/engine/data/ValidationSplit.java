package org.neuromesh.engine.data;

/**
 * A training set cut in two: the images to train on and a validation set held out of them, chosen at random by a
 * seed, so that settings can be chosen without looking at the test set. The same images, size and seed always give
 * the same split, whatever seed the training itself uses.
 *
 * <p>The draw is meant to be repeated outside Java (the PyTorch reference holds out the same images): image i gets
 * the key {@code mix64(seed * 0x9E3779B97F4A7C15 + i)} (SplitMix64's finaliser, 64-bit wrapping arithmetic), and
 * the {@code size} images with the smallest keys, compared unsigned, are held out.
 *
 * @param training the images to train on, in their original order
 * @param validation the held-out images, in their original order
 * @param heldOut the indices of the held-out images in the original set, ascending
 */
public record ValidationSplit(LabelledImages training, LabelledImages validation, int[] heldOut) {

    /** The seed every split is drawn with unless another is asked for: one validation set for every experiment. */
    public static final long DEFAULT_SEED = 1L;

    /**
     * Holds out {@code size} images drawn by {@code seed} (see the class comment) and keeps the rest.
     *
     * @throws IllegalArgumentException unless 1 &lt;= size &lt; the number of images
     */
    public static ValidationSplit of(LabelledImages images, int size, long seed) {
        int count = images.count();
        if (size < 1 || size >= count) {
            throw new IllegalArgumentException("a validation set must hold 1 to " + (count - 1) + " of the " + count
                    + " training images, not " + size);
        }
        long[] keyed = new long[count];
        for (int i = 0; i < count; i++) {
            keyed[i] = key(seed, i);
        }
        long[] sorted = keyed.clone();
        for (int i = 0; i < count; i++) {
            sorted[i] ^= Long.MIN_VALUE; // signed order of the flipped keys is the unsigned order of the keys
        }
        java.util.Arrays.sort(sorted);
        long last = sorted[size - 1] ^ Long.MIN_VALUE;
        int[] heldOut = new int[size];
        int[] kept = new int[count - size];
        for (int i = 0, h = 0, k = 0; i < count; i++) {
            if (Long.compareUnsigned(keyed[i], last) <= 0 && h < size) {
                heldOut[h++] = i;
            } else {
                kept[k++] = i;
            }
        }
        return new ValidationSplit(select(images, kept), select(images, heldOut), heldOut);
    }

    /** The key of image {@code index}: SplitMix64's finaliser of {@code seed * golden gamma + index}. */
    static long key(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A short fingerprint of which images were held out, to check that another program held out the same. */
    public long fingerprint() {
        long sum = 0;
        for (int index : heldOut) {
            sum = sum * 31 + index;
        }
        return sum;
    }

    private static LabelledImages select(LabelledImages images, int[] indices) {
        int size = images.pixelsPerImage();
        float[] pixels = new float[indices.length * size];
        byte[] labels = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(images.pixels(), indices[k] * size, pixels, k * size, size);
            labels[k] = images.labels()[indices[k]];
        }
        return new LabelledImages(indices.length, images.rows(), images.cols(), pixels, labels);
    }
}

package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the real MNIST from {@link MnistFiles#defaultDirectory()} (system property {@code neuromesh.mnist.dir}, else
 * environment variable {@code NEUROMESH_MNIST_DIR}, else {@code $NEUROMESH_DATA/mnist}, else
 * {@code $HOME/.cache/neuromesh/datasets/mnist}). Missing data fails the test rather than skipping it: run
 * {@code releng/fetch-mnist.sh} first.
 */
@Tag("mnist")
class MnistDataTest {

    /** Digit counts of the MNIST training and test sets (well known; the first training label is a 5). */
    private static final int[] TRAIN_HISTOGRAM = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_HISTOGRAM = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    /** Fails (never skips) when the data is missing, so a build without MNIST cannot pass unnoticed. */
    private static MnistFiles mnist() throws IOException {
        Path dir = MnistFiles.defaultDirectory();
        if (!Files.isDirectory(dir)) {
            fail("MNIST not found in " + dir + ". Run releng/fetch-mnist.sh " + dir
                    + " (or point -Dneuromesh.mnist.dir / NEUROMESH_MNIST_DIR at an MNIST directory).");
        }
        return MnistFiles.locate(dir);
    }

    @Test
    void trainingSetHas60000ImagesOf28x28AndTheKnownLabels() throws IOException {
        LabelledImages train = mnist().readTraining();

        assertShape(60000, train);
        assertEquals(5, train.label(0), "the first MNIST training image is a 5");
        assertArrayEquals(TRAIN_HISTOGRAM, histogram(train));
        assertPixelsInUnitRange(train);
    }

    @Test
    void testSetHas10000ImagesOf28x28AndTheKnownLabels() throws IOException {
        LabelledImages test = mnist().readTest();

        assertShape(10000, test);
        assertEquals(7, test.label(0), "the first MNIST test image is a 7");
        assertArrayEquals(TEST_HISTOGRAM, histogram(test));
        assertPixelsInUnitRange(test);
    }

    private static void assertShape(int count, LabelledImages images) {
        assertEquals(count, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(count * 28 * 28, images.pixels().length);
    }

    private static int[] histogram(LabelledImages images) {
        int[] histogram = new int[10];
        for (int i = 0; i < images.count(); i++) {
            int label = images.label(i);
            assertTrue(label <= 9, "label " + label + " of image " + i + " is not a digit");
            histogram[label]++;
        }
        int sum = 0;
        for (int n : histogram) {
            sum += n;
        }
        assertEquals(images.count(), sum, "every image has exactly one digit label");
        return histogram;
    }

    private static void assertPixelsInUnitRange(LabelledImages images) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float p : images.pixels()) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}

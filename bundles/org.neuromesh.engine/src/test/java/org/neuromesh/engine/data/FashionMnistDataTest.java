package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.neuromesh.engine.data.Dataset.FASHION_MNIST;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Fashion-MNIST from {@code Dataset.FASHION_MNIST.defaultDirectory()}. Missing data fails the test
 * rather than skipping it: run {@code releng/fetch-fashion-mnist.sh} first (the build does).
 */
@Tag("fashion-mnist")
class FashionMnistDataTest {

    @Test
    void testSetHas10000ImagesOf28x28With1000OfEachClass() throws IOException {
        // given the fetched data
        Path dir = FASHION_MNIST.defaultDirectory();
        if (!Files.isDirectory(dir)) {
            fail("Fashion-MNIST not found in " + dir + ". " + FASHION_MNIST.fetchHint(dir));
        }

        // when
        LabelledImages test = MnistFiles.locate(FASHION_MNIST, dir).readTest();

        // then
        assertEquals(10000, test.count());
        assertEquals(28, test.rows());
        assertEquals(28, test.cols());
        assertEquals("Ankle boot", FASHION_MNIST.classNames().get(test.label(0)), "the first test image");
        int[] perClass = new int[FASHION_MNIST.classNames().size()];
        for (int i = 0; i < test.count(); i++) {
            int label = test.label(i);
            assertTrue(label < perClass.length, "label " + label + " of image " + i + " names no class");
            perClass[label]++;
        }
        int[] thousandEach = new int[perClass.length];
        Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, perClass);
    }
}

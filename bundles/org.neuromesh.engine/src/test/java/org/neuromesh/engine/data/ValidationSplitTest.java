package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** 100 one-pixel images whose pixel is their index, so each image can be told apart. */
    private static LabelledImages numbered() {
        float[] pixels = new float[100];
        byte[] labels = new byte[100];
        for (int i = 0; i < 100; i++) {
            pixels[i] = i;
            labels[i] = (byte) (i % 10);
        }
        return new LabelledImages(100, 1, 1, pixels, labels);
    }

    @Test
    void everyImageEndsUpOnExactlyOneSideWithItsLabel() {
        // given 100 numbered images
        LabelledImages images = numbered();
        // when 20 are held out
        ValidationSplit split = ValidationSplit.of(images, 20, 7);
        // then 80 remain to train on, and together they are the 100 images, each once, each with its own label
        assertEquals(80, split.training().count());
        assertEquals(20, split.validation().count());
        Set<Float> seen = new HashSet<>();
        for (LabelledImages side : new LabelledImages[] { split.training(), split.validation() }) {
            for (int i = 0; i < side.count(); i++) {
                float image = side.pixels()[i];
                assertEquals(true, seen.add(image), "image " + image + " twice");
                assertEquals((int) image % 10, side.label(i));
            }
        }
        assertEquals(100, seen.size());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        LabelledImages images = numbered();
        assertEquals(ValidationSplit.of(images, 20, 7).validation(), ValidationSplit.of(images, 20, 7).validation());
        assertNotEquals(ValidationSplit.of(images, 20, 7).validation(),
                ValidationSplit.of(images, 20, 8).validation());
    }

    @Test
    void theHeldOutImagesAreDrawnFromAcrossTheSetNotItsStart() {
        // a split that took the first images would hold out only the low numbers
        ValidationSplit split = ValidationSplit.of(numbered(), 20, 7);
        float highest = 0;
        for (float image : split.validation().pixels()) {
            highest = Math.max(highest, image);
        }
        assertEquals(true, highest >= 50, "highest held-out image " + highest);
    }

    @Test
    void theDrawIsTheOneThePyTorchReferenceRepeats() {
        // the values releng/bench/torch_reference.py computes for the same draws (held_out, fingerprint)
        ValidationSplit small = ValidationSplit.of(numbered(), 20, 7);
        assertArrayEquals(new int[] { 3, 11, 12, 14, 17, 26, 34, 47, 51, 52, 58, 59, 66, 67, 68, 71, 79, 80, 83, 88 },
                small.heldOut());
        LabelledImages mnistSized = new LabelledImages(60000, 1, 1, new float[60000], new byte[60000]);
        ValidationSplit benchmark = ValidationSplit.of(mnistSized, 10000, ValidationSplit.DEFAULT_SEED);
        assertArrayEquals(new int[] { 3, 10, 18, 21, 41 }, Arrays.copyOf(benchmark.heldOut(), 5));
        assertEquals(6130948934236779198L, benchmark.fingerprint());
    }

    @Test
    void aSplitThatLeavesNothingOnOneSideIsRefused() {
        LabelledImages images = numbered();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.of(images, 100, 1));
        assertEquals("a validation set must hold 1 to 99 of the 100 training images, not 100", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(images, 0, 1));
    }
}

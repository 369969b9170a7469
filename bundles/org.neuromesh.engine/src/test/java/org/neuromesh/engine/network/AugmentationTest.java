package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromesh.engine.data.LabelledImages;

class AugmentationTest {

    private static final int SIZE = 9;

    /** Two 9 x 9 images: image 0 has one pixel at (row 4, column 3); image 1 one at (row 0, column 8). */
    private static LabelledImages images() {
        float[] pixels = new float[2 * SIZE * SIZE];
        pixels[4 * SIZE + 3] = 0.75f;
        pixels[SIZE * SIZE + 8] = 0.5f;
        return new LabelledImages(2, SIZE, SIZE, pixels, new byte[] { 3, 7 });
    }

    /** Where the one lit pixel of a filled image went, as {row, column}, or null if it was shifted out. */
    private static int[] litPixel(float[] into, int offset, float value) {
        int[] found = null;
        for (int i = 0; i < SIZE * SIZE; i++) {
            if (into[offset + i] != 0f) {
                assertEquals(null, found, "more than one lit pixel");
                assertEquals(value, into[offset + i], "the pixel's value changed");
                found = new int[] { i / SIZE, i % SIZE };
            }
        }
        return found;
    }

    @Test
    void shiftMovesEveryImageByAtMostTwoPixelsAndKeepsLabels() {
        // given the two images, augmented with shifts of up to 2 pixels
        ImageSamples samples = ImageSamples.whole(images(), 10).augmented(Augmentation.SHIFT, 5);
        int[] order = { 0, 0, 0, 0 };
        float[] batch = new float[4 * SIZE * SIZE];
        Set<String> offsets = new HashSet<>();
        // when image 0 is filled many times
        for (int draw = 0; draw < 200; draw++) {
            samples.fill(order, 0, 4, 0, batch);
            for (int b = 0; b < 4; b++) {
                int[] at = litPixel(batch, b * SIZE * SIZE, 0.75f);
                // then its pixel (never near an edge) is within 2 pixels of where it was along each axis
                int dy = at[0] - 4;
                int dx = at[1] - 3;
                assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "moved by " + dy + ", " + dx);
                offsets.add(dy + "," + dx);
            }
        }
        // and all 25 shifts occur, none of them flips
        assertEquals(25, offsets.size(), offsets.toString());
        // and the labels are those of the images
        assertEquals(3, samples.label(0));
        assertEquals(7, samples.label(1));
    }

    @Test
    void aShiftOfOneMovesByAtMostOnePixel() {
        // given shifts of up to 1 pixel
        ImageSamples samples = ImageSamples.whole(images(), 10).augmented(Augmentation.fromName("shift:1"), 9);
        float[] one = new float[SIZE * SIZE];
        Set<String> offsets = new HashSet<>();
        for (int draw = 0; draw < 200; draw++) {
            samples.fill(new int[] { 0 }, 0, 1, 0, one);
            int[] at = litPixel(one, 0, 0.75f);
            offsets.add((at[0] - 4) + "," + (at[1] - 3));
        }
        // then exactly the 9 offsets in [-1, 1] x [-1, 1] occur
        assertEquals(Set.of("-1,-1", "-1,0", "-1,1", "0,-1", "0,0", "0,1", "1,-1", "1,0", "1,1"), offsets);
    }

    @Test
    void pixelsShiftedPastTheEdgeAreDroppedAndZerosComeIn() {
        // given image 1, whose pixel sits in the top right corner
        ImageSamples samples = ImageSamples.whole(images(), 10).augmented(Augmentation.SHIFT, 11);
        float[] one = new float[SIZE * SIZE];
        int kept = 0;
        int dropped = 0;
        for (int draw = 0; draw < 300; draw++) {
            samples.fill(new int[] { 1 }, 0, 1, 0, one);
            int[] at = litPixel(one, 0, 0.5f);
            if (at == null) {
                dropped++;
            } else {
                kept++;
                // then a kept pixel moved down (or stayed) and left (or stayed): up or right leaves the image
                assertTrue(at[0] >= 0 && at[0] <= 2 && at[1] >= 6 && at[1] <= 8, at[0] + "," + at[1]);
            }
        }
        // a shift keeps it in 3 x 3 of the 25 cases
        assertTrue(kept > 0 && dropped > kept, kept + " kept, " + dropped + " dropped");
    }

    @Test
    void flipMirrorsLeftToRightAboutHalfTheTime() {
        // given mirroring without shifts
        ImageSamples samples = ImageSamples.whole(images(), 10).augmented(new Augmentation(0, true), 2);
        float[] one = new float[SIZE * SIZE];
        int mirrored = 0;
        for (int draw = 0; draw < 400; draw++) {
            samples.fill(new int[] { 0 }, 0, 1, 0, one);
            int[] at = litPixel(one, 0, 0.75f);
            // then the pixel stays in its row, at column 3 or its mirror 8 - 3
            assertEquals(4, at[0]);
            assertTrue(at[1] == 3 || at[1] == 5, "column " + at[1]);
            mirrored += at[1] == 5 ? 1 : 0;
        }
        assertTrue(mirrored > 150 && mirrored < 250, mirrored + " of 400 mirrored");
    }

    @Test
    void theSameSeedGivesTheSameImagesAndNoneLeavesThemAlone() {
        LabelledImages images = images();
        int[] order = { 0, 1, 0, 1 };
        float[] first = new float[4 * SIZE * SIZE];
        float[] second = new float[4 * SIZE * SIZE];
        ImageSamples a = ImageSamples.whole(images, 10).augmented(Augmentation.SHIFT_FLIP, 42);
        ImageSamples b = ImageSamples.whole(images, 10).augmented(Augmentation.SHIFT_FLIP, 42);
        boolean anyMoved = false;
        float[] plain = new float[4 * SIZE * SIZE];
        ImageSamples.whole(images, 10).fill(order, 0, 4, 0, plain);
        for (int draw = 0; draw < 20; draw++) {
            a.fill(order, 0, 4, 0, first);
            b.fill(order, 0, 4, 0, second);
            assertArrayEquals(first, second);
            anyMoved |= !java.util.Arrays.equals(first, plain);
        }
        assertTrue(anyMoved);
        // and NONE fills the images as they are
        float[] none = new float[4 * SIZE * SIZE];
        ImageSamples.whole(images, 10).augmented(Augmentation.NONE, 42).fill(order, 0, 4, 0, none);
        assertArrayEquals(plain, none);
        assertFalse(Augmentation.NONE.active());
    }

    @Test
    void badAugmentationsAreRefusedWithTheReason() {
        var name = assertThrows(IllegalArgumentException.class, () -> Augmentation.fromName("rotate"));
        assertEquals("augmentation must be one of none, flip, shift[:N], shift-flip[:N]; got 'rotate'",
                name.getMessage());
        var pixels = assertThrows(IllegalArgumentException.class, () -> Augmentation.fromName("shift:9"));
        assertEquals("the shift in 'shift:9' must be 1..8 pixels, got 9", pixels.getMessage());
        var notANumber = assertThrows(IllegalArgumentException.class, () -> Augmentation.fromName("shift:two"));
        assertTrue(notANumber.getMessage().contains("whole number"), notANumber.getMessage());
        var flipPixels = assertThrows(IllegalArgumentException.class, () -> Augmentation.fromName("flip:1"));
        assertTrue(flipPixels.getMessage().contains("only shift and shift-flip"), flipPixels.getMessage());
        var shift = assertThrows(IllegalArgumentException.class, () -> new Augmentation(9, false));
        assertTrue(shift.getMessage().contains("0..8"), shift.getMessage());
        var rows = assertThrows(IllegalArgumentException.class,
                () -> ImageSamples.rowByRow(images(), 10).augmented(Augmentation.SHIFT, 1));
        assertTrue(rows.getMessage().contains("row by row"), rows.getMessage());
        assertEquals(Augmentation.SHIFT_FLIP, Augmentation.fromName("Shift-Flip"));
    }

    @Test
    void namesRoundTrip() {
        assertEquals(new Augmentation(1, false), Augmentation.fromName("shift:1"));
        assertEquals(new Augmentation(3, true), Augmentation.fromName("shift-flip:3"));
        assertEquals(new Augmentation(0, true), Augmentation.fromName("flip"));
        for (String name : new String[] { "none", "flip", "shift", "shift-flip", "shift:1", "shift-flip:4" }) {
            assertEquals(name, Augmentation.fromName(name).id());
        }
    }
}

package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShardsTest {

    private static LabelledImages digits(int count) {
        float[] pixels = new float[count * 4];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
            pixels[i * 4] = i;
        }
        return new LabelledImages(count, 2, 2, pixels, labels);
    }

    @Test
    void givenEightPeersWithTwoClassesEach_whenClassesAreDealt_thenTheyGoRoundRobin() {
        int[][] classes = Shards.roundRobinClasses(8, 2, 10);
        assertArrayEquals(new int[] {0, 1}, classes[0]);
        assertArrayEquals(new int[] {8, 9}, classes[4]);
        assertArrayEquals(new int[] {0, 1}, classes[5]);
        assertArrayEquals(new int[] {4, 5}, classes[7]);
    }

    @Test
    void givenADataSet_whenSplit_thenEverySampleGoesToExactlyOnePeerHoldingItsClass() {
        // given 1000 samples of 10 classes and 8 peers with two classes each
        LabelledImages images = digits(1000);
        int[][] classes = Shards.roundRobinClasses(8, 2, 10);
        // when split
        int[][] shards = Shards.split(images, classes, 3);
        // then no sample is lost or duplicated, and each peer holds only its classes
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < shards.length; p++) {
            Set<Integer> mine = new HashSet<>();
            Arrays.stream(classes[p]).forEach(mine::add);
            for (int i : shards[p]) {
                assertTrue(seen.add(i), "sample " + i + " twice");
                assertTrue(mine.contains(images.label(i)), "peer " + p + " got class " + images.label(i));
            }
        }
        assertEquals(1000, seen.size());
        // and a class held by two peers is divided evenly (class 0: 100 samples, peers 0 and 5)
        long ofPeer0 = Arrays.stream(shards[0]).filter(i -> images.label(i) == 0).count();
        assertEquals(50, ofPeer0);
        // and the split is the same for the same seed
        assertArrayEquals(shards[3], Shards.split(images, classes, 3)[3]);
    }

    @Test
    void givenIndices_whenASubsetIsTaken_thenItHoldsThoseImagesInOrder() {
        LabelledImages images = digits(20);
        LabelledImages subset = Shards.subset(images, new int[] {7, 3});
        assertEquals(2, subset.count());
        assertEquals(7, subset.label(0));
        assertEquals(7f, subset.pixels()[0]);
        assertEquals(3f, subset.pixels()[4]);
        assertArrayEquals(new int[] {2, 12}, Shards.withLabels(images, 2));
    }
}

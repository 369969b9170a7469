package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.DatasetFacts;

class DatasetSummaryTest {

    @Test
    void theFactsReadAreShownPerSplitAndDigit() {
        // given the facts of a folder's MNIST files
        List<Integer> tens = List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        DatasetFacts facts = new DatasetFacts("MNIST", Path.of("/data/mnist"), new DatasetFacts.Split(145, 28, 28,
                tens), new DatasetFacts.Split(145, 28, 28, tens));
        // when described, then the title, the folder and per split the images, their size and counts show
        assertEquals("MNIST in /data/mnist\n"
                + "  train    145 images 28x28  per digit: 0=10 1=11 2=12 3=13 4=14 5=15 6=16 7=17 8=18 9=19\n"
                + "  test     145 images 28x28  per digit: 0=10 1=11 2=12 3=13 4=14 5=15 6=16 7=17 8=18 9=19\n",
                DatasetSummary.describe(facts));
    }
}

package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.BatchWindow;

class BatchWindowsTest {

    @Test
    void givenAnEpochWhoseSecondHalfIsBetter_whenCutIntoWindows_thenEachWindowHasItsOwnMeansNotTheRunningOnes() {
        // given 80 batches of 10 samples: loss 0.5 and 20% right in the first half, loss 0.1 and 90% right after
        List<BatchWindow> windows = new ArrayList<>();
        BatchWindows cutter = new BatchWindows(windows::add);
        double lossSum = 0;
        double right = 0;
        // when the trainer reports its running means after every batch
        for (int batch = 1; batch <= 80; batch++) {
            boolean firstHalf = batch <= 40;
            lossSum += 10 * (firstHalf ? 0.5 : 0.1);
            right += 10 * (firstHalf ? 0.2 : 0.9);
            int samples = 10 * batch;
            cutter.batchDone(1, batch, 80, samples, lossSum / samples, right / samples);
        }
        // then there are 40 windows of 2 batches, the first ones at the first half's figures, the last ones at the
        // second half's, and the last window ends with the epoch
        assertEquals(40, windows.size());
        assertEquals(0.5, windows.get(0).loss(), 1e-9);
        assertEquals(0.2, windows.get(0).accuracy(), 1e-9);
        assertEquals(0.1, windows.get(39).loss(), 1e-9);
        assertEquals(0.9, windows.get(39).accuracy(), 1e-9);
        assertEquals(80, windows.get(39).done());
        assertEquals(1.0, windows.get(39).position(), 1e-9);
    }

    @Test
    void givenFewerBatchesThanWindows_thenEveryBatchIsAWindowAndANewEpochStartsAfresh() {
        // given an epoch of 3 batches (8, 8 and 4 samples), then the first batch of the next epoch
        List<BatchWindow> windows = new ArrayList<>();
        BatchWindows cutter = new BatchWindows(windows::add);
        cutter.batchDone(1, 1, 3, 8, 1.0, 0.5);
        cutter.batchDone(1, 2, 3, 16, 0.75, 0.5);
        cutter.batchDone(1, 3, 3, 20, 0.7, 0.6);
        cutter.batchDone(2, 1, 3, 8, 0.25, 1.0);
        // then every batch is a window, and the new epoch's first window is its first batch alone
        assertEquals(4, windows.size());
        assertEquals(0.5, windows.get(1).loss(), 1e-9);
        // the last, short batch of 4 samples: loss sums 14 - 12 over 4 samples, 12 - 8 of them right
        assertEquals(0.5, windows.get(2).loss(), 1e-9);
        assertEquals(1.0, windows.get(2).accuracy(), 1e-9);
        assertEquals(new BatchWindow(2, 1, 3, 0.25, 1.0), windows.get(3));
        assertEquals(1 + 1 / 3.0, windows.get(3).position(), 1e-9);
    }
}

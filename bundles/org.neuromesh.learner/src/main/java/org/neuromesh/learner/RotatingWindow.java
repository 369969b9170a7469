package org.neuromesh.learner;

import org.neuromesh.engine.network.SampleSet;

/**
 * A window of {@code size} samples of a larger set, starting at an offset and wrapping around, so that
 * successive rounds of a few batches each walk through all local data.
 */
final class RotatingWindow implements SampleSet {

    private final SampleSet samples;
    private final int size;
    private final int offset;
    private int[] mapped = new int[0];

    RotatingWindow(SampleSet samples, int size, int offset) {
        this.samples = samples;
        this.size = Math.min(size, samples.size());
        this.offset = Math.floorMod(offset, samples.size());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputWidth() {
        return samples.inputWidth();
    }

    @Override
    public int timeSteps() {
        return samples.timeSteps();
    }

    @Override
    public int classCount() {
        return samples.classCount();
    }

    @Override
    public int label(int sample) {
        return samples.label(map(sample));
    }

    @Override
    public void fill(int[] order, int from, int count, int step, float[] into) {
        if (mapped.length < count) {
            mapped = new int[count]; // grows once, to the batch size
        }
        for (int i = 0; i < count; i++) {
            mapped[i] = map(order[from + i]);
        }
        samples.fill(mapped, 0, count, step, into);
    }

    private int map(int sample) {
        return (sample + offset) % samples.size();
    }
}

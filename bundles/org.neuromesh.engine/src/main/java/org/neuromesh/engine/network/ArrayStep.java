package org.neuromesh.engine.network;

import java.util.Arrays;

import org.neuromesh.api.learning.ForwardPass;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;

/**
 * A one-layer {@link LearningStep} over arrays the caller fills in, so a rule's arithmetic can be checked by hand
 * (rule authors' unit tests). Every array starts at zero except eligibility (1); change them in place. Uses the
 * given matrix routines, e.g. {@code Kernels.scalar(1)}.
 */
public final class ArrayStep implements LearningStep, LayerSignals {

    public final float[] input;
    public final float[] pre;
    public final float[] post;
    public final float[] eligibility;
    public final float[] modulation;
    public final float[] weights;
    public final float[] bias;
    public final float[] outputError;
    public final int[] labels;
    private final int inputs;
    private final int nodes;
    private final int batch;
    private final MatrixMath math;
    /** What {@link #rateFactor()} returns: 1 unless a test sets another schedule factor. */
    public float rateFactor = 1f;

    public ArrayStep(int inputs, int nodes, int batch, MatrixMath math) {
        this.inputs = inputs;
        this.nodes = nodes;
        this.batch = batch;
        this.math = math;
        this.input = new float[batch * inputs];
        this.pre = input;
        this.post = new float[batch * nodes];
        this.eligibility = new float[batch * nodes];
        this.modulation = new float[batch * nodes];
        this.weights = new float[nodes * inputs];
        this.bias = new float[nodes];
        this.outputError = new float[batch * nodes];
        this.labels = new int[batch];
        Arrays.fill(eligibility, 1f);
    }

    @Override
    public float rateFactor() {
        return rateFactor;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public int layerCount() {
        return 1;
    }

    @Override
    public LayerSignals layer(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException("an ArrayStep has one layer, asked for " + index);
        }
        return this;
    }

    @Override
    public int timeSteps() {
        return 1;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public float[] outputError() {
        return outputError;
    }

    /** Not offered: an ArrayStep has no network to run. */
    @Override
    public ForwardPass forward(float[] otherInput) {
        throw new UnsupportedOperationException("an ArrayStep has no network to run a second pass through");
    }

    @Override
    public MatrixMath math() {
        return math;
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    @Override
    public int nodeCount() {
        return nodes;
    }

    @Override
    public float[] pre() {
        return pre;
    }

    @Override
    public float[] post() {
        return post;
    }

    @Override
    public float[] eligibility() {
        return eligibility;
    }

    @Override
    public float[] modulation() {
        return modulation;
    }

    @Override
    public float[] weights() {
        return weights;
    }

    @Override
    public float[] bias() {
        return bias;
    }
}

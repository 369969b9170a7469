package org.neuromesh.learning.support;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;

/**
 * Adam (Kingma and Ba 2015) with decoupled weight decay (Loshchilov and Hutter 2019), its moments allocated once
 * at the rule's begin. Per weight layer, with t counting that layer's steps from 1:
 *
 * <pre>
 * g = mean_b(delta^T pre)
 * m = beta1 * m + (1 - beta1) * g;       v = beta2 * v + (1 - beta2) * g^2
 * W -= rate * ( (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon) + decay * W )
 * </pre>
 *
 * and likewise for the biases with g = mean_b(delta) and no decay. {@code delta} points up the loss.
 */
public final class AdamDescent implements Descent {

    /** Adam's usual decay of the second moment. */
    public static final float DEFAULT_BETA2 = 0.999f;

    /** Adam's usual epsilon. */
    public static final float DEFAULT_EPSILON = 1e-8f;

    private final NetworkShape shape;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float[][] gradient;
    private final float[][] first;
    private final float[][] second;
    private final float[][] biasFirst;
    private final float[][] biasSecond;
    private final long[] steps;

    /**
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon added to the root of the second moment, > 0
     * @param weightDecay decoupled decay, >= 0
     */
    public AdamDescent(NetworkShape shape, float beta1, float beta2, float epsilon, float weightDecay) {
        this.shape = shape;
        this.beta1 = RuleParameters.fraction("beta1", beta1);
        this.beta2 = RuleParameters.fraction("beta2", beta2);
        this.epsilon = RuleParameters.positive("epsilon", epsilon);
        this.weightDecay = RuleParameters.nonNegative("weightDecay", weightDecay);
        int layers = shape.weightLayerCount();
        gradient = new float[layers][];
        first = new float[layers][];
        second = new float[layers][];
        biasFirst = new float[layers][];
        biasSecond = new float[layers][];
        steps = new long[layers];
        for (int l = 0; l < layers; l++) {
            int weights = shape.width(l + 1) * shape.width(l);
            gradient[l] = new float[weights];
            first[l] = new float[weights];
            second[l] = new float[weights];
            biasFirst[l] = new float[shape.width(l + 1)];
            biasSecond[l] = new float[shape.width(l + 1)];
        }
    }

    @Override
    public void descend(MatrixMath math, LayerSignals layer, int l, float[] delta, float[] pre, int batch,
            float rate) {
        int nodes = layer.nodeCount();
        float[] g = gradient[l];
        math.multiplyTransposedA(nodes, layer.inputCount(), batch, 1f / batch, delta, pre, g, 0f);
        long t = ++steps[l];
        float correction1 = (float) (1 - Math.pow(beta1, t));
        float correction2 = (float) (1 - Math.pow(beta2, t));
        update(layer.weights(), g, first[l], second[l], g.length, rate, correction1, correction2, weightDecay);
        float[] biasGradient = g; // the weight gradient is used up: its first nodes entries take the bias's
        for (int j = 0; j < nodes; j++) {
            float sum = 0f;
            for (int b = 0, k = j; b < batch; b++, k += nodes) {
                sum += delta[k];
            }
            biasGradient[j] = sum / batch;
        }
        update(layer.bias(), biasGradient, biasFirst[l], biasSecond[l], nodes, rate, correction1, correction2, 0f);
    }

    private void update(float[] w, float[] g, float[] m, float[] v, int length, float rate, float correction1,
            float correction2, float decay) {
        float b1 = beta1;
        float b2 = beta2;
        float eps = epsilon;
        float step = rate / correction1;
        float rootCorrection = (float) Math.sqrt(correction2);
        // rate * (m / c1) / (sqrt(v / c2) + eps) = (rate / c1) * m / (sqrt(v) / sqrt(c2) + eps)
        for (int i = 0; i < length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1f - b1) * gi;
            float vi = b2 * v[i] + (1f - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= step * mi / ((float) Math.sqrt(vi) / rootCorrection + eps) + rate * decay * w[i];
        }
    }

    @Override
    public void requireShape(LearningStep step) {
        Shapes.require(shape, step);
    }
}

package org.neuromesh.learning.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;

/** Adam's arithmetic against numbers worked out by hand (beta1 0.9, beta2 0.999, epsilon 1e-8, rate 0.1). */
class AdamDescentTest {

    private static final float RATE = 0.1f;

    /** One node with two inputs, weights (1, 1), bias 0; batch of one sample with pre = (1, -2). */
    private static final class OneNode implements LayerSignals {
        final float[] weights = { 1f, 1f };
        final float[] bias = { 0f };
        final float[] pre = { 1f, -2f };

        @Override
        public int inputCount() {
            return 2;
        }

        @Override
        public int nodeCount() {
            return 1;
        }

        @Override
        public float[] pre() {
            return pre;
        }

        @Override
        public float[] post() {
            return new float[1];
        }

        @Override
        public float[] eligibility() {
            return new float[] { 1f };
        }

        @Override
        public float[] modulation() {
            return new float[1];
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

    /** Plain loops, as the engine's routines are specified. */
    private static final MatrixMath NAIVE = new MatrixMath() {
        @Override
        public void multiplyTransposedB(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void multiplyTransposedA(int m, int n, int k, float alpha, float[] a, float[] b, float[] c,
                float beta) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum += a[p * m + i] * b[p * n + j];
                    }
                    c[i * n + j] = (beta == 0f ? 0f : beta * c[i * n + j]) + alpha * sum;
                }
            }
        }

        @Override
        public void addScaled(int length, float alpha, float[] x, float[] y) {
            for (int i = 0; i < length; i++) {
                y[i] += alpha * x[i];
            }
        }
    };

    private static AdamDescent adam(float decay) {
        return new AdamDescent(NetworkShape.of(2, 1), 0.9f, 0.999f, 1e-8f, decay);
    }

    @Test
    void twoStepsMatchHandComputedValues() {
        // given one node whose gradient is delta * pre: (0.5, -1) and bias 0.5, then (-0.25, 0.5) and bias -0.25
        OneNode layer = new OneNode();
        AdamDescent descent = adam(0f);
        // when the first step is taken
        descent.descend(NAIVE, layer, 0, new float[] { 0.5f }, layer.pre, 1, RATE);
        // then bias correction makes it rate * sign(g): m^ = g, v^ = g^2
        assertArrayEquals(new float[] { 0.9f, 1.1f }, layer.weights, 1e-6f);
        assertEquals(-0.1f, layer.bias[0], 1e-6f);
        // when the gradient turns: m = 0.9 * 0.05 - 0.1 * 0.25 = 0.02, m^ = 0.02 / 0.19 = 0.105263;
        // v = 0.999 * 0.00025 + 0.001 * 0.0625 = 0.00031225, v^ = 0.00031225 / 0.001999 = 0.156203
        descent.descend(NAIVE, layer, 0, new float[] { -0.25f }, layer.pre, 1, RATE);
        // then each parameter moves 0.1 * 0.105263 / sqrt(0.156203) = 0.0266337 further, in the sign of m
        assertEquals(0.8733663f, layer.weights[0], 2e-6f);
        assertEquals(1.1266337f, layer.weights[1], 2e-6f);
        assertEquals(-0.1266337f, layer.bias[0], 2e-6f);
    }

    @Test
    void decayIsDecoupledFromTheMoments() {
        // given a decay of 0.01
        OneNode layer = new OneNode();
        AdamDescent descent = adam(0.01f);
        // when two steps are taken
        descent.descend(NAIVE, layer, 0, new float[] { 0.5f }, layer.pre, 1, RATE);
        // then each weight also shrinks by rate * decay * w: 1 - 0.1 * (1 + 0.01 * 1) = 0.899
        assertEquals(0.899f, layer.weights[0], 1e-6f);
        descent.descend(NAIVE, layer, 0, new float[] { -0.25f }, layer.pre, 1, RATE);
        // 0.899 - 0.1 * (0.105263 / 0.395225 + 0.01 * 0.899) = 0.8714673
        assertEquals(0.8714673f, layer.weights[0], 2e-6f);
        // and the bias does not decay
        assertEquals(-0.1266337f, layer.bias[0], 2e-6f);
    }

    @Test
    void theGradientIsTheBatchMean() {
        // given two samples whose gradients are (0.5, -1) and (0.5, -1) again, and their mean (0.5, -1)
        OneNode layer = new OneNode();
        float[] pre = { 1f, -2f, 1f, -2f };
        // when one step is taken on the batch of two, with very different sizes per sample: (1, -2) * 0.9 and
        // (1, -2) * 0.1 average to (0.5, -1)
        adam(0f).descend(NAIVE, layer, 0, new float[] { 0.9f, 0.1f }, pre, 2, RATE);
        OneNode single = new OneNode();
        adam(0f).descend(NAIVE, single, 0, new float[] { 0.5f }, single.pre, 1, RATE);
        // then the moments saw the same mean gradient as with one sample of (0.5, -1)
        assertArrayEquals(single.weights, layer.weights, 1e-7f);
    }

    @Test
    void badSettingsAreRefusedByName() {
        NetworkShape shape = NetworkShape.of(2, 1);
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> new AdamDescent(shape, 1f, 0.999f, 1e-8f, 0f));
        assertTrue(beta.getMessage().contains("beta1"), beta.getMessage());
        IllegalArgumentException epsilon = assertThrows(IllegalArgumentException.class,
                () -> new AdamDescent(shape, 0.9f, 0.999f, 0f, 0f));
        assertTrue(epsilon.getMessage().contains("epsilon"), epsilon.getMessage());
    }

    @Test
    void optimizerNamesChooseTheDescent() {
        NetworkShape shape = NetworkShape.of(2, 1);
        assertInstanceOf(AdamDescent.class, Optimizer.fromName("adam").create(shape, 0.9f, 0f));
        assertInstanceOf(MomentumDescent.class, Optimizer.fromName(" Momentum ").create(shape, 0.9f, 0f));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.fromName("sgd"));
        assertEquals("optimizer must be momentum or adam, got 'sgd'", wrong.getMessage());
    }
}

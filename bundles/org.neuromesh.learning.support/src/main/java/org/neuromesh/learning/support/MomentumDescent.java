package org.neuromesh.learning.support;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;
import org.neuromesh.api.learning.NetworkShape;

/**
 * The momentum step of one network, with its velocities (allocated once, at the rule's begin):
 *
 * <pre>
 * v = momentum * v + mean_b(delta^T pre) + decay * W;   W -= rate * v
 * u = momentum * u + mean_b(delta);                      b -= rate * u
 * </pre>
 *
 * {@code delta} points up the loss (a gradient or its stand-in), batch x nodes.
 */
public final class MomentumDescent implements Descent {

    private final NetworkShape shape;
    private final float momentum;
    private final float weightDecay;
    private final float[][] weightVelocity;
    private final float[][] biasVelocity;

    public MomentumDescent(NetworkShape shape, float momentum, float weightDecay) {
        this.shape = shape;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        int layers = shape.weightLayerCount();
        weightVelocity = new float[layers][];
        biasVelocity = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weightVelocity[l] = new float[shape.width(l + 1) * shape.width(l)];
            biasVelocity[l] = new float[shape.width(l + 1)];
        }
    }

    /** One step on weight layer {@code l} from {@code delta} and the layer's pre-synaptic {@code pre}. */
    @Override
    public void descend(MatrixMath math, LayerSignals layer, int l, float[] delta, float[] pre, int batch,
            float rate) {
        float[] weights = layer.weights();
        float[] velocity = weightVelocity[l];
        math.multiplyTransposedA(layer.nodeCount(), layer.inputCount(), batch, 1f / batch, delta, pre, velocity,
                momentum);
        if (weightDecay != 0f) {
            math.addScaled(velocity.length, weightDecay, weights, velocity);
        }
        math.addScaled(velocity.length, -rate, velocity, weights);
        float[] bias = layer.bias();
        float[] biasV = biasVelocity[l];
        int nodes = layer.nodeCount();
        for (int j = 0; j < nodes; j++) {
            float sum = 0f;
            for (int b = 0, k = j; b < batch; b++, k += nodes) {
                sum += delta[k];
            }
            biasV[j] = momentum * biasV[j] + sum / batch;
            bias[j] -= rate * biasV[j];
        }
    }

    /**
     * @throws IllegalStateException if the step's layers are not those of the shape this descent began with
     */
    @Override
    public void requireShape(LearningStep step) {
        Shapes.require(shape, step);
    }
}

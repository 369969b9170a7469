package org.neuromesh.learning.support;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.MatrixMath;

/**
 * How a rule turns its per-layer direction into weight changes: one instance per rule state, holding the
 * optimiser's per-network state (velocities, moments), allocated once at the rule's begin. See
 * {@link Optimizer} for the choices.
 */
public interface Descent {

    /**
     * One step on weight layer {@code l}: {@code delta} ({@code batch x nodes}) points up the loss (a gradient or
     * its stand-in), {@code pre} ({@code batch x inputs}) is the layer's pre-synaptic activity.
     */
    void descend(MatrixMath math, LayerSignals layer, int l, float[] delta, float[] pre, int batch, float rate);

    /**
     * @throws IllegalStateException if the step's layers are not those of the shape this descent began with
     */
    void requireShape(LearningStep step);
}

package org.neuromesh.learning.support;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningStep;
import org.neuromesh.api.learning.NetworkShape;

/** The check every descent makes: a step's layers are those of the shape the rule began with. */
final class Shapes {

    private Shapes() {
    }

    static void require(NetworkShape shape, LearningStep step) {
        if (step.layerCount() != shape.weightLayerCount()) {
            throw new IllegalStateException("the step has " + step.layerCount() + " weight layers but the rule"
                    + " began for " + shape + "; begin again after the topology changes");
        }
        for (int l = 0; l < step.layerCount(); l++) {
            LayerSignals layer = step.layer(l);
            if (layer.inputCount() != shape.width(l) || layer.nodeCount() != shape.width(l + 1)) {
                throw new IllegalStateException("layer " + l + " is " + layer.nodeCount() + " x "
                        + layer.inputCount() + " but the rule began for " + shape
                        + "; begin again after the topology changes");
            }
        }
    }
}

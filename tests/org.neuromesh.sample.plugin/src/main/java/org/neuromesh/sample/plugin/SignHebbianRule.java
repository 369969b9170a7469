package org.neuromesh.sample.plugin;

import org.neuromesh.api.learning.LayerSignals;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.osgi.service.component.annotations.Component;

/**
 * The example plug-in of the README: a whole learning rule in one class. Nodes that released strengthen their
 * inputs in proportion to the input, scaled by the sign of what they released (a plain Hebbian rule without the
 * modulatory factor). Dropping this bundle's jar into a running server's plugins/ folder makes
 * {@code neuromesh:providers} list it.
 */
@Component(property = LearningRule.NAME_PROPERTY + "=sign-hebbian")
public class SignHebbianRule implements LearningRule {

    private static final float RATE = 0.001f;

    @Override
    public RuleInfo info() {
        return new RuleInfo("sign-hebbian", "Sign-Hebbian (sample plug-in)", true, "NeuroMesh README example");
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return step -> {
            for (int l = 0; l < step.layerCount(); l++) {
                LayerSignals layer = step.layer(l);
                for (int b = 0; b < step.batchSize(); b++) {
                    for (int j = 0; j < layer.nodeCount(); j++) {
                        float sign = Math.signum(layer.post()[b * layer.nodeCount() + j]);
                        for (int i = 0; i < layer.inputCount(); i++) {
                            layer.weights()[j * layer.inputCount() + i] +=
                                    RATE * sign * layer.pre()[b * layer.inputCount() + i];
                        }
                    }
                }
            }
        };
    }
}

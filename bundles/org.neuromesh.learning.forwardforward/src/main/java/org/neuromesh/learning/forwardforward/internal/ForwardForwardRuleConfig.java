package org.neuromesh.learning.forwardforward.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ForwardForwardRuleConfig.PID, name = "NeuroMesh Forward-Forward rule",
        description = "Hidden layers learn high goodness for correctly and low for wrongly labelled input"
                + " (Hinton 2022); the readout learns with the delta rule.")
public @interface ForwardForwardRuleConfig {

    String PID = "org.neuromesh.learning.forwardforward";

    @AttributeDefinition(name = "Learning rate", description = "Step size of the hidden layers (> 0).", min = "0")
    double learningRate() default 0.003;

    @AttributeDefinition(name = "Readout rate", description = "Step size of the readout (> 0).", min = "0")
    double readoutRate() default 0.02;

    @AttributeDefinition(name = "Threshold",
            description = "Goodness (mean squared activity) that separates positive from negative input (> 0).",
            min = "0")
    double threshold() default 4.0;

    @AttributeDefinition(name = "Momentum", description = "Fraction of the previous change kept, in [0, 1).",
            min = "0", max = "0.999")
    double momentum() default 0.9;
}

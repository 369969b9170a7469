package org.neuromesh.learning.backprop.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = BackpropRuleConfig.PID, name = "NeuroMesh backpropagation reference rule",
        description = "Stochastic gradient descent with backpropagated errors, for comparison only.")
public @interface BackpropRuleConfig {

    String PID = "org.neuromesh.learning.backprop";

    @AttributeDefinition(name = "Learning rate", description = "Step size of weight changes (> 0).", min = "0")
    double learningRate() default 0.1;

    @AttributeDefinition(name = "Momentum", description = "Fraction of the previous change kept, in [0, 1).",
            min = "0", max = "0.999")
    double momentum() default 0.0;

    @AttributeDefinition(name = "Weight decay", description = "L2 weight decay (>= 0).", min = "0")
    double weightDecay() default 0.0;
}

package org.neuromesh.learning.pepita.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PepitaRuleConfig.PID, name = "NeuroMesh PEPITA rule",
        description = "Learns from the difference between a plain and an error-modulated forward pass"
                + " (Dellaferrera and Kreiman 2022).")
public @interface PepitaRuleConfig {

    String PID = "org.neuromesh.learning.pepita";

    @AttributeDefinition(name = "Learning rate", description = "Step size of weight changes (> 0).", min = "0")
    double learningRate() default 0.01;

    @AttributeDefinition(name = "Momentum", description = "Fraction of the previous change kept, in [0, 1).",
            min = "0", max = "0.999")
    double momentum() default 0.9;

    @AttributeDefinition(name = "Feedback scale",
            description = "Size of the fixed input projection F relative to He-uniform (> 0).", min = "0")
    double feedbackScale() default 0.05;
}

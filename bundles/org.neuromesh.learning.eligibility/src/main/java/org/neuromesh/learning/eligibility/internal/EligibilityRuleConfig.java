package org.neuromesh.learning.eligibility.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = EligibilityRuleConfig.PID, name = "NeuroMesh eligibility-trace rule",
        description = "Three-factor rule: pre-synaptic activity x eligibility x forward-delivered error.")
public @interface EligibilityRuleConfig {

    String PID = "org.neuromesh.learning.eligibility";

    @AttributeDefinition(name = "Learning rate", description = "Step size of weight changes (> 0).", min = "0")
    double learningRate() default 0.05;

    @AttributeDefinition(name = "Weight decay", description = "L2 weight decay (>= 0).",
            min = "0")
    double weightDecay() default 0.0;

    @AttributeDefinition(name = "Momentum", description = "Fraction of the previous change kept, in [0, 1).",
            min = "0", max = "0.999")
    double momentum() default 0.9;

    @AttributeDefinition(name = "Learning-rate decay",
            description = "The rate falls as rate / (1 + decay x batches learned) (>= 0; 0 keeps it constant).",
            min = "0")
    double rateDecay() default 0.0001;

    @AttributeDefinition(name = "Optimizer",
            description = "momentum (heavy ball, L2 decay) or adam (Adam; momentum is its beta1, beta2 0.999, "
                    + "decoupled weight decay).",
            options = { @Option(value = "momentum", label = "Momentum"), @Option(value = "adam", label = "Adam") })
    String optimizer() default "momentum";
}

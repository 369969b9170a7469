package org.neuromesh.learner;

import java.io.IOException;

import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;

/** Real MNIST (fetched by the build) and the real default rule, for the learner's tests. */
final class LearnerFixtures {

    private LearnerFixtures() {
    }

    static RuleRegistry rules() {
        RuleRegistry rules = new RuleRegistry();
        rules.add(new EligibilityTraceRule(0.05, 0, 0.9, 1e-4), EligibilityTraceRule.NAME, 100);
        return rules;
    }

    static LocalDataSet shard(int peers, int index) throws IOException {
        return LocalDataSet.load(new LocalDataSpec(Dataset.MNIST, Dataset.MNIST.defaultDirectory(), null, peers, 2,
                index, 5));
    }

    static LocalDataSet classes(int... classes) throws IOException {
        return LocalDataSet.load(new LocalDataSpec(Dataset.MNIST, Dataset.MNIST.defaultDirectory(), classes, 0, 2,
                0, 5));
    }
}

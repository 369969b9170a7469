package org.neuromesh.learning.dfa.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.Trainer;
import org.neuromesh.engine.network.TrainingOptions;

/** The component as it starts without configuration, on a subset of the real MNIST so it stays a unit test. */
class DefaultsLearnMnistTest {

    /**
     * Gates with fixed thresholds just above zero and no forced releases: the hidden nodes act as rectifiers, so
     * the test measures the rule rather than the homeostat.
     */
    private static final GatingParameters RECTIFYING = new GatingParameters(1e-6f, 1e9f, 0f, 0f, 0f, 0f);

    @Test
    void trainsA784x64x10NetworkToMoreThan85PercentOnHeldOutDigits() throws IOException {
        // given the rule with its default configuration, 10,000 training and 2,000 test digits, a fresh network
        LearningRule rule = new DirectFeedbackRuleComponent(defaults(DirectFeedbackRuleConfig.class));
        MnistFiles mnist = MnistFiles.locate(MnistFiles.defaultDirectory());
        ImageSamples training = ImageSamples.whole(first(mnist.readTraining(), 10_000), 10);
        ImageSamples test = ImageSamples.whole(first(mnist.readTest(), 2_000), 10);
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(784, 64, 10), RECTIFYING, 7);
        try (MatrixKernels kernels = Kernels.create(2)) {
            Trainer trainer = new Trainer(network, rule.begin(network.shape(), 11), kernels,
                    TrainingOptions.defaults().withBatchSize(64)); // the default rate suits batches of 64-128
            // when it trains for three epochs
            for (int epoch = 0; epoch < 3; epoch++) {
                trainer.trainEpoch(training, Trainer.Progress.NONE, () -> false);
            }
            // then it classifies most held-out digits right (0.89 when this was written)
            double accuracy = trainer.evaluate(test);
            assertTrue(accuracy > 0.85, "test accuracy " + accuracy);
        }
    }

    /** A configuration whose every attribute has its declared default, as SCR gives it without Config Admin. */
    private static <T> T defaults(Class<T> configType) {
        return configType.cast(Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] { configType },
                (proxy, method, args) -> method.getDefaultValue()));
    }

    private static LabelledImages first(LabelledImages images, int count) {
        return new LabelledImages(count, images.rows(), images.cols(),
                Arrays.copyOf(images.pixels(), count * images.pixelsPerImage()), Arrays.copyOf(images.labels(), count));
    }
}

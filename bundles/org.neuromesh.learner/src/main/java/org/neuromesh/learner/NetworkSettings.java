package org.neuromesh.learner;

import java.util.List;

import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.TrainingOptions;

/**
 * How the learner builds networks: the engine's default node parameters ({@link GatingParameters#defaults()}, as the
 * command line's {@code train}) and 10 classes of 28 x 28 images.
 */
final class NetworkSettings {

    static final int INPUTS = 28 * 28;
    static final int CLASSES = 10;
    static final GatingParameters GATING = GatingParameters.defaults();

    private NetworkSettings() {
    }

    static GatingNetwork create(List<Integer> hidden, long seed) {
        int[] widths = new int[hidden.size() + 2];
        widths[0] = INPUTS;
        for (int l = 0; l < hidden.size(); l++) {
            widths[l + 1] = hidden.get(l);
        }
        widths[widths.length - 1] = CLASSES;
        return GatingNetwork.create(new NetworkShape(widths), GATING, seed);
    }

    static TrainingOptions options(int batchSize, long seed) {
        return TrainingOptions.defaults().withBatchSize(batchSize).withTraceDecay(GATING.traceDecay()).withSeed(seed);
    }
}

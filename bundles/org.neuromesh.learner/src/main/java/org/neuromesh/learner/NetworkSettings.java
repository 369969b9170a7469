package org.neuromesh.learner;

import java.util.List;

import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.TrainingOptions;

/**
 * How the learner builds networks: the node parameters of the command line's defaults (threshold 0.01,
 * timeToRelease 8, eta_d 1e-5, trace decay 0.9) and 10 classes of 28 x 28 images.
 */
final class NetworkSettings {

    static final int INPUTS = 28 * 28;
    static final int CLASSES = 10;
    static final GatingParameters GATING = new GatingParameters(0.01f, 8f, 1e-5f, 0f, 0.001f, 0.9f);

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

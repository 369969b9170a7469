package org.neuromesh.learner;

import java.util.Arrays;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.Propagation;

/** Accuracy of a network on test images, overall and per class, without learning or changing node state. */
final class PerClassEvaluation {

    private static final int BATCH = 500;

    private PerClassEvaluation() {
    }

    static Evaluation of(GatingNetwork network, LabelledImages test, MatrixKernels kernels) {
        int classes = network.outputWidth();
        int[] right = new int[classes];
        int[] seen = new int[classes];
        int size = test.pixelsPerImage();
        Propagation propagation = new Propagation(network, kernels, BATCH);
        int[] labels = new int[BATCH];
        float[] input = new float[BATCH * size];
        for (int from = 0; from < test.count(); from += BATCH) {
            int count = Math.min(BATCH, test.count() - from);
            System.arraycopy(test.pixels(), from * size, input, 0, count * size);
            for (int b = 0; b < count; b++) {
                labels[b] = test.label(from + b);
            }
            propagation.forward(input, labels, count, false);
            float[] scores = propagation.layerOutput(network.layerCount() - 1);
            for (int b = 0; b < count; b++) {
                int best = 0;
                for (int o = 1; o < classes; o++) {
                    if (scores[b * classes + o] > scores[b * classes + best]) {
                        best = o;
                    }
                }
                seen[labels[b]]++;
                right[labels[b]] += best == labels[b] ? 1 : 0;
            }
        }
        double[] perClass = new double[classes];
        Arrays.fill(perClass, Double.NaN);
        int total = 0;
        int correct = 0;
        for (int c = 0; c < classes; c++) {
            if (seen[c] > 0) {
                perClass[c] = (double) right[c] / seen[c];
            }
            total += seen[c];
            correct += right[c];
        }
        return new Evaluation(total == 0 ? Double.NaN : (double) correct / total, perClass, total);
    }
}

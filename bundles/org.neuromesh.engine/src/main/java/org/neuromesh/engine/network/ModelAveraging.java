package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.List;

/**
 * Merges networks trained apart from one common start into one (federated averaging): every weight, bias and node
 * state becomes the mean over the networks, weighted by how many samples each one trained on.
 *
 * <p>Only networks of one session can be merged: same shape, same node parameters, same feedback projections
 * (they come from the session's seed). A pruned edge stays pruned only if every network pruned it.
 */
public final class ModelAveraging {

    private ModelAveraging() {
    }

    /**
     * The sample-weighted mean of {@code models}.
     *
     * @param weights samples each model trained on, all &gt;= 0 and not all 0
     * @throws IllegalArgumentException naming the first model that does not fit with the first one
     */
    public static GatingNetwork average(List<GatingNetwork> models, long[] weights) {
        if (models.isEmpty() || models.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per model, got " + models.size() + " models and "
                    + weights.length + " weights");
        }
        double total = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("sample weights must be >= 0, got " + w);
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("all " + models.size() + " models trained on 0 samples");
        }
        GatingNetwork first = models.get(0);
        for (int m = 1; m < models.size(); m++) {
            requireCompatible(first, models.get(m), m);
        }
        int count = first.layerCount();
        GatingLayer[] layers = new GatingLayer[count];
        float[][] feedback = new float[count - 1][];
        for (int l = 0; l < count; l++) {
            GatingLayer shape = first.layer(l);
            GatingLayer merged = new GatingLayer(shape.inputs, shape.nodes, shape.readout);
            Arrays.fill(merged.mask, 0f);
            for (int m = 0; m < models.size(); m++) {
                float share = (float) (weights[m] / total);
                GatingLayer source = models.get(m).layer(l);
                addScaled(source.weights, share, merged.weights);
                addScaled(source.bias, share, merged.bias);
                addScaled(source.threshold, share, merged.threshold);
                addScaled(source.timeToRelease, share, merged.timeToRelease);
                addScaled(source.etaD, share, merged.etaD);
                for (int i = 0; i < merged.mask.length; i++) {
                    merged.mask[i] = Math.max(merged.mask[i], source.mask[i]);
                }
            }
            int pruned = 0;
            for (float m : merged.mask) {
                pruned += m == 0f ? 1 : 0;
            }
            merged.prunedEdges = pruned;
            layers[l] = merged;
            if (!shape.readout) {
                feedback[l] = first.feedback(l).clone();
            }
        }
        return new GatingNetwork(first.gating(), first.seed(), first.inputNormalization(), layers, feedback);
    }

    private static void requireCompatible(GatingNetwork first, GatingNetwork other, int index) {
        if (!first.shape().equals(other.shape())) {
            throw new IllegalArgumentException("model " + index + " has shape " + other.shape()
                    + ", model 0 has " + first.shape() + "; only models of one session can be merged");
        }
        if (!first.gating().equals(other.gating()) || first.seed() != other.seed()
                || !first.inputNormalization().equals(other.inputNormalization())) {
            throw new IllegalArgumentException("model " + index + " has other node parameters, seed or input "
                    + "normalisation than model 0; only models of one session can be merged");
        }
        for (int l = 0; l < first.layerCount() - 1; l++) {
            if (!Arrays.equals(first.feedback(l), other.feedback(l))) {
                throw new IllegalArgumentException("model " + index + " has other feedback projections than model 0"
                        + " in layer " + l + "; only models of one session can be merged");
            }
        }
    }

    private static void addScaled(float[] source, float share, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += share * source[i];
        }
    }
}

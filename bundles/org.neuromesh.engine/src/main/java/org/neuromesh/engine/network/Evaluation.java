package org.neuromesh.engine.network;

import java.util.List;

/**
 * What a pass over labelled samples without learning found: how many it classified right, how active each hidden
 * layer was, and how long it took.
 *
 * @param samples the samples evaluated
 * @param correct those whose highest score was their label
 * @param layers one entry per hidden layer, in order
 * @param seconds wall-clock time of the forward passes (reading the samples included)
 */
public record Evaluation(int samples, int correct, List<LayerActivity> layers, double seconds) {

    public Evaluation {
        layers = List.copyOf(layers);
    }

    /** Fraction classified right, in [0, 1] (0 for no samples). */
    public double accuracy() {
        return samples == 0 ? 0 : (double) correct / samples;
    }

    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** Node evaluations that released, over all hidden layers, as a fraction of all hidden node evaluations. */
    public double releaseRate() {
        return LayerActivity.releaseRate(layers);
    }
}

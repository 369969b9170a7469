package org.neuromesh.api.training;

import java.util.List;

/**
 * The final evaluation of a run that ended at least one epoch: its network, how its hidden layers released on the
 * evaluated samples (the test set, or the held-out images in a validation run), the timing of inference when asked
 * for ({@link RunOptions#measureInference()}) and the process's peak memory.
 *
 * @param network               the layer widths at the end (after any growth), input first and classes last
 * @param releaseRate           share of all hidden node evaluations that released (0..1)
 * @param layers                each hidden layer at inference (timers frozen, so nothing is forced)
 * @param inference             inference timed both ways, or {@code null} when not measured (not asked for, or
 *                              not whole images)
 * @param peakResidentMegabytes the process's peak resident memory at the end of the run, -1 where it cannot be
 *                              read
 * @param peakHeapMegabytes     the process's peak heap use at the end of the run
 * @since 1.3
 */
public record RunEvaluation(List<Integer> network, double releaseRate, List<LayerResult> layers,
        InferenceTiming inference, double peakResidentMegabytes, double peakHeapMegabytes) {

    public RunEvaluation {
        network = List.copyOf(network);
        layers = List.copyOf(layers);
    }

    /** Whether inference was timed. */
    public boolean hasInference() {
        return inference != null;
    }
}

package org.neuromesh.api.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link TrainingPlan} trains beyond its basics: the task the images are shown as, the temporal and gating
 * parameters, the cores, the topology dynamics, a checkpoint to continue from and how much the run measures at its
 * end. {@link #defaults()} is what a plan without options gets.
 *
 * @param task             {@code static} (whole images), {@code delayed} (an image once, the error after
 *                         {@code delay} blank steps) or {@code rows} (an image row by row); validation, augmentation
 *                         and standardisation need whole images
 * @param delay            blank steps of the delayed task, at least 1
 * @param traceDecay       per-step decay of the eligibility traces in the temporal tasks, in [0, 1); 0 switches
 *                         them off
 * @param threads          cores the matrix routines use; 0: the service's choice (all of the machine's)
 * @param gating           the gating parameters of a new network, before the plan's gating variant applies
 * @param topology         splitting, pruning and duplicating after each epoch
 * @param load             a checkpoint to continue from instead of a new network (whose hidden widths and
 *                         normalisation the run then keeps), or {@code null}
 * @param measureInference whether the run also times inference at its end, with and without skipping silent
 *                         nodes (whole images only; see {@link RunEvaluation#inference()}), and evaluates the test
 *                         set after a cancel once an epoch ended
 * @since 1.3
 */
public record RunOptions(String task, int delay, float traceDecay, int threads, GatingSettings gating,
        TopologySettings topology, Path load, boolean measureInference) {

    public RunOptions {
        task = task == null || task.isBlank() ? "static" : task;
        gating = gating == null ? GatingSettings.unset() : gating;
        topology = topology == null ? TopologySettings.none() : topology;
        if (delay < 1 || threads < 0 || !(traceDecay >= 0f && traceDecay < 1f)) {
            throw new IllegalArgumentException("run options need a delay of at least 1, no negative thread count "
                    + "and a trace decay in [0, 1); got delay " + delay + ", threads " + threads + ", trace decay "
                    + traceDecay);
        }
    }

    /** Whole images, delay 5, trace decay 0.9, the service's threads and gating, a fixed topology, a new network. */
    public static RunOptions defaults() {
        return new RunOptions("static", 5, 0.9f, 0, GatingSettings.unset(), TopologySettings.none(), null, false);
    }

    /** These options with {@code count} matrix threads (0: the service's choice). */
    public RunOptions withThreads(int count) {
        return new RunOptions(task, delay, traceDecay, count, gating, topology, load, measureInference);
    }

    /** These options with the images shown as {@code newTask} with {@code newDelay} blank steps when delayed. */
    public RunOptions withTask(String newTask, int newDelay) {
        return new RunOptions(newTask, newDelay, traceDecay, threads, gating, topology, load, measureInference);
    }

    /** These options with the topology dynamics {@code newTopology}. */
    public RunOptions withTopology(TopologySettings newTopology) {
        return new RunOptions(task, delay, traceDecay, threads, gating, Objects.requireNonNull(newTopology), load,
                measureInference);
    }

    /** These options continuing from the checkpoint {@code checkpoint} ({@code null}: a new network). */
    public RunOptions withLoad(Path checkpoint) {
        return new RunOptions(task, delay, traceDecay, threads, gating, topology, checkpoint, measureInference);
    }

    /** These options with inference timed at the end of the run, or not. */
    public RunOptions withMeasureInference(boolean measure) {
        return new RunOptions(task, delay, traceDecay, threads, gating, topology, load, measure);
    }
}

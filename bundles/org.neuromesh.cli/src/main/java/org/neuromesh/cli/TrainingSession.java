package org.neuromesh.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.api.training.TrainingSetup;

/**
 * One training as a user runs it from the shell, through the {@link TrainingService}: the service trains on a
 * thread of its own, and what it tells is printed on the thread that waits for the run (the shell routes
 * {@code System.out} by thread, so the session's output stays with the session that asked). See
 * {@link TrainingConsole} for what is printed.
 */
public final class TrainingSession {

    private final TrainArguments args;
    private final TrainingConsole console;
    /** What the run told, in order, to be printed by the waiting thread; the last one is the end. */
    private final BlockingQueue<Runnable> told = new LinkedBlockingQueue<>();
    /** Set by the last call the run makes, on the printing thread. */
    private TrainingResult result;

    public TrainingSession(TrainArguments args, PrintStream out) {
        this.args = args;
        this.console = new TrainingConsole(args, out);
    }

    /**
     * Starts the run and returns at once.
     *
     * @throws IllegalArgumentException if the service refuses the plan (an unknown rule, data set, gating or
     *                                  augmentation; the message says which)
     */
    public TrainingHandle start(TrainingService training) {
        return training.start(args.plan(), new Relay());
    }

    /**
     * Prints what the run tells until it ends, on the calling thread.
     *
     * @return how it ended
     * @throws InterruptedException if the calling thread is interrupted while the run goes on
     */
    public TrainingResult printUntilEnded() throws InterruptedException {
        while (result == null) {
            told.take().run();
        }
        return result;
    }

    /** Hands each call over to the printing thread. */
    private final class Relay implements TrainingListener {

        @Override
        public void started(TrainingSetup setup) {
            told.add(() -> console.started(setup));
        }

        @Override
        public void samples(int epoch, int done, int total, double meanLoss) {
            told.add(() -> console.samples(epoch, done, total, meanLoss));
        }

        @Override
        public void epochEnded(EpochResult epoch) {
            told.add(() -> console.epochEnded(epoch));
        }

        @Override
        public void checkpointSaved(Path file) {
            told.add(() -> console.saved(file));
        }

        @Override
        public void ended(TrainingResult ended) {
            told.add(() -> {
                result = ended;
                console.ended(ended);
            });
        }
    }
}

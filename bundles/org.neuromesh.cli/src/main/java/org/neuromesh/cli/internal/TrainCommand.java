package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.cli.TrainArguments;
import org.neuromesh.cli.TrainingSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:train [options]}: trains a network through the {@link TrainingService} with one of the installed
 * learning rules (see {@link TrainArguments#usage}). Ctrl-C (the JVM shutting down) or this component stopping
 * ends a running training after its current batch, and waits for its checkpoint to be written.
 */
@Component(service = TrainCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=train" })
public class TrainCommand {

    @Reference
    TrainingService training;

    private final RunningTrainings running = new RunningTrainings();
    private Thread shutdownHook;

    @Activate
    void activate() {
        shutdownHook = new Thread(() -> running.stopAll(30, TimeUnit.SECONDS), "neuromesh-train-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and does the same
        }
        running.stopAll(30, TimeUnit.SECONDS);
    }

    public void train(String... args) {
        PrintStream out = System.out; // Gogo routes it to the calling session
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(TrainArguments.usage(training.defaultGating()));
            return;
        }
        TrainingSession session;
        TrainingHandle handle;
        try {
            session = new TrainingSession(TrainArguments.parse(args), out);
            handle = session.start(training);
        } catch (IllegalArgumentException wrong) {
            out.println("training failed: " + wrong.getMessage());
            out.println(TrainArguments.usage(training.defaultGating()));
            return;
        }
        RunningTrainings.Ticket ticket = running.start(handle);
        try {
            session.printUntilEnded();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
        } finally {
            ticket.done();
        }
    }
}

package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.cli.TrainArguments;
import org.neuromesh.cli.TrainingSession;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.engine.network.TrainingDivergedException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code neuromesh:train [options]}: trains a network with one of the registered learning rules (see
 * {@link TrainArguments#USAGE}). Ctrl-C (the JVM shutting down) or this component stopping ends a running
 * training after its current batch, and waits for its checkpoint to be written.
 */
@Component(service = TrainCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=train" })
public class TrainCommand {

    private final RuleRegistry rules = new RuleRegistry();
    private final RunningTrainings running = new RunningTrainings();
    private Thread shutdownHook;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(LearningRule rule, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        rules.add(rule, String.valueOf(properties.get(LearningRule.NAME_PROPERTY)),
                ranking instanceof Integer r ? r : 0);
    }

    void removeRule(LearningRule rule) {
        rules.remove(rule);
    }

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
            out.println(TrainArguments.USAGE);
            return;
        }
        TrainArguments arguments;
        LearningRule rule;
        try {
            arguments = TrainArguments.parse(args);
            rule = rules.choose(arguments.rule());
        } catch (IllegalArgumentException wrong) {
            out.println("training failed: " + wrong.getMessage());
            out.println(TrainArguments.USAGE);
            return;
        }
        RunningTrainings.Ticket ticket = running.start();
        try {
            new TrainingSession(arguments, rule, out).run(ticket::stopRequested);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | TrainingDivergedException e) {
            out.println();
            out.println("training failed: " + e.getMessage());
        } finally {
            ticket.done();
        }
    }
}

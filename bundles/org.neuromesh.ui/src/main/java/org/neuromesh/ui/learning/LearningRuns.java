package org.neuromesh.ui.learning;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.neuromesh.api.training.BatchWindow;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.ui.model.RunRecord;

/**
 * Runs a plan as an Eclipse Job: the Job's progress names the batch, cancelling it stops the run after the current
 * batch (the checkpoint stays), what the run tells goes to the event broker ({@link LearningEvents}) for the
 * Learning view, and into the run's record beside its checkpoint ({@link RunRecord}) for the Runs view.
 */
public final class LearningRuns {

    private static final System.Logger LOG = System.getLogger(LearningRuns.class.getName());
    /** The Learning view's element id. */
    public static final String LEARNING_PART = "org.neuromesh.ui.part.learning";
    /** At most this many batch events a second reach the UI. */
    private static final long BATCH_EVENT_MILLIS = 100;

    private LearningRuns() {
    }

    /** Shows the Learning view and runs {@code plan} as a Job named {@code name}. */
    public static Job run(String name, TrainingService training, TrainingPlan plan, IEventBroker events,
            EPartService parts) {
        parts.showPart(LEARNING_PART, EPartService.PartState.ACTIVATE);
        return schedule(name, training, plan, events);
    }

    /** The workspace folder of the runs' checkpoints and records. */
    public static Path runsFolder() {
        return new File(Platform.getInstanceLocation().getURL().getFile()).toPath().resolve("runs");
    }

    /** The record of the run that saves to {@code checkpoint}: the same name, ending in {@code .run}. */
    static Path recordOf(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName().toString().replaceFirst("\\.nmc$", "") + ".run");
    }

    private static Job schedule(String name, TrainingService training, TrainingPlan plan, IEventBroker events) {
        Job job = new Job(name) {
            /** The run, for views that look at it while it trains (the Cluster inspector adapts the Job to it). */
            private volatile TrainingHandle running;

            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                TrainingHandle handle;
                try {
                    handle = training.start(plan, new Relay(events, monitor, name, plan));
                    running = handle;
                } catch (IllegalArgumentException refused) {
                    events.post(LearningEvents.ENDED, new TrainingResult(java.util.List.of(), Double.NaN, false,
                            false, refused.getMessage()));
                    return Status.error(refused.getMessage());
                }
                CompletableFuture<TrainingResult> result = handle.result().toCompletableFuture();
                while (true) {
                    if (monitor.isCanceled()) {
                        handle.cancel();
                    }
                    try {
                        TrainingResult ended = result.get(200, TimeUnit.MILLISECONDS);
                        monitor.done();
                        return ended.failed() ? Status.error(ended.failure())
                                : ended.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                    } catch (TimeoutException stillRunning) {
                        // look at the monitor again
                    } catch (ExecutionException e) {
                        return Status.error("the run failed: " + e.getCause(), e.getCause());
                    } catch (InterruptedException e) {
                        handle.cancel();
                        Thread.currentThread().interrupt();
                        return Status.CANCEL_STATUS;
                    }
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == LearningEvents.JOB_FAMILY;
            }

            @Override
            public <T> T getAdapter(Class<T> adapter) {
                return adapter == TrainingHandle.class && running != null ? adapter.cast(running)
                        : super.getAdapter(adapter);
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** The checkpoint file of a new run named {@code name} in the workspace's {@code runs} folder. */
    public static Path checkpoint(String name) {
        return runsFolder().resolve(name + "-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".nmc");
    }

    /** Passes what the run tells on to the event broker (batches at most ten times a second) and the monitor. */
    private static final class Relay implements TrainingListener {
        private final IEventBroker events;
        private final IProgressMonitor monitor;
        private final String name;
        private final TrainingPlan plan;
        private final Path record;
        private long lastBatchEvent;

        Relay(IEventBroker events, IProgressMonitor monitor, String name, TrainingPlan plan) {
            this.events = events;
            this.monitor = monitor;
            this.name = name;
            this.plan = plan;
            this.record = plan.checkpoint() == null ? null : recordOf(plan.checkpoint());
        }

        /** Appends to the run's record in the workspace; a record that cannot be written costs the run nothing. */
        private void record(String lines) {
            if (record == null) {
                return;
            }
            try {
                Files.createDirectories(record.getParent());
                Files.writeString(record, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not write the run record " + record + ": " + e);
            }
        }

        @Override
        public void started(String description) {
            monitor.setTaskName("Training " + description);
            record(RunRecord.header(name, description, plan));
            events.post(LearningEvents.STARTED, description);
        }

        @Override
        public void batches(int epoch, int done, int total, double meanLoss) {
            long now = System.currentTimeMillis();
            if (now - lastBatchEvent >= BATCH_EVENT_MILLIS || done == total) {
                lastBatchEvent = now;
                monitor.subTask("epoch " + epoch + ": batch " + done + " of " + total);
                events.post(LearningEvents.BATCHES, new LearningEvents.BatchProgress(epoch, done, total, meanLoss));
            }
        }

        @Override
        public void batchWindow(BatchWindow window) {
            events.post(LearningEvents.WINDOW, window);
        }

        @Override
        public void epochEnded(EpochResult epoch) {
            record(RunRecord.epochLine(epoch));
            events.post(LearningEvents.EPOCH, epoch);
        }

        @Override
        public void ended(TrainingResult result) {
            record(RunRecord.endLine(result));
            events.post(LearningEvents.ENDED, result);
        }
    }
}

package org.neuromesh.ui.learning;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingService;

import jakarta.inject.Named;

/**
 * Run > Run quick experiment: one epoch of the highest-ranked rule on 5,000 MNIST images, 1,000 more held out for
 * validation, 64 hidden nodes, as an Eclipse Job (its progress names the batch; cancelling it stops the run after
 * the current batch and keeps the checkpoint in the workspace). A placeholder for the Experiment editor's Run,
 * which runs the experiment's own settings.
 */
public class RunQuickExperimentHandler {

    static final String PART = "org.neuromesh.ui.part.learning";
    /** At most this many batch events a second reach the UI. */
    private static final long BATCH_EVENT_MILLIS = 100;

    @Execute
    void execute(@Optional @Service TrainingService training, IEventBroker events, EPartService parts,
            @Named("activeShell") Shell shell) {
        if (training == null) {
            MessageDialog.openError(shell, "Run quick experiment", "The training service is not running: the bundle"
                    + " org.neuromesh.training is missing or stopped.");
            return;
        }
        TrainingPlan plan = new TrainingPlan("mnist", "", List.of(64), 1, 64, 1, "none", "none", "constant", "paper",
                1000, 5000, checkpoint());
        parts.showPart(PART, EPartService.PartState.ACTIVATE);
        Job job = new Job("Quick experiment") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Training one epoch on 5,000 MNIST images", IProgressMonitor.UNKNOWN);
                TrainingHandle handle;
                try {
                    handle = training.start(plan, new Relay(events, monitor));
                } catch (IllegalArgumentException refused) {
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
        };
        job.setUser(true);
        job.schedule();
    }

    /** The checkpoint file of a new run in the workspace's {@code runs} folder. */
    private static Path checkpoint() {
        File workspace = new File(Platform.getInstanceLocation().getURL().getFile());
        return workspace.toPath().resolve("runs").resolve("quick-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".nmc");
    }

    /** Passes what the run tells on to the event broker (batches at most ten times a second) and the monitor. */
    private static final class Relay implements TrainingListener {
        private final IEventBroker events;
        private final IProgressMonitor monitor;
        private long lastBatchEvent;

        Relay(IEventBroker events, IProgressMonitor monitor) {
            this.events = events;
            this.monitor = monitor;
        }

        @Override
        public void started(String description) {
            monitor.setTaskName("Training " + description);
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
        public void epochEnded(EpochResult epoch) {
            events.post(LearningEvents.EPOCH, epoch);
        }

        @Override
        public void ended(TrainingResult result) {
            events.post(LearningEvents.ENDED, result);
        }
    }
}

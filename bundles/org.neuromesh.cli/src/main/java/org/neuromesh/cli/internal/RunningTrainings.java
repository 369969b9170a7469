package org.neuromesh.cli.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.training.TrainingHandle;

/** The trainings in progress, so that a shutdown can ask each to stop and wait until it has saved. */
final class RunningTrainings {

    /** One training: cancelled by {@link #stopAll}, reports when it has finished. */
    static final class Ticket {
        private final TrainingHandle handle;
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Set<Ticket> owner;

        private Ticket(TrainingHandle handle, Set<Ticket> owner) {
            this.handle = handle;
            this.owner = owner;
        }

        void done() {
            owner.remove(this);
            finished.countDown();
        }
    }

    private final Set<Ticket> tickets = ConcurrentHashMap.newKeySet();

    Ticket start(TrainingHandle handle) {
        Ticket ticket = new Ticket(handle, tickets);
        tickets.add(ticket);
        return ticket;
    }

    /** Asks every training to stop after its batch and waits up to {@code timeout} for each to finish. */
    void stopAll(long timeout, TimeUnit unit) {
        for (Ticket ticket : tickets) {
            ticket.handle.cancel();
        }
        for (Ticket ticket : tickets) {
            try {
                if (!ticket.finished.await(timeout, unit)) {
                    System.err.println("neuromesh: a training did not stop within " + timeout + " " + unit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package org.neuromesh.cli.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The trainings in progress, so that a shutdown can ask each to stop and wait until it has saved. */
final class RunningTrainings {

    /** One training: asked to stop by {@link #stopAll}, reports when it has finished. */
    static final class Ticket {
        private volatile boolean stop;
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Set<Ticket> owner;

        private Ticket(Set<Ticket> owner) {
            this.owner = owner;
        }

        boolean stopRequested() {
            return stop;
        }

        void done() {
            owner.remove(this);
            finished.countDown();
        }
    }

    private final Set<Ticket> tickets = ConcurrentHashMap.newKeySet();

    Ticket start() {
        Ticket ticket = new Ticket(tickets);
        tickets.add(ticket);
        return ticket;
    }

    /** Asks every training to stop after its batch and waits up to {@code timeout} for each to finish. */
    void stopAll(long timeout, TimeUnit unit) {
        for (Ticket ticket : tickets) {
            ticket.stop = true;
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

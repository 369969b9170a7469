package org.neuromesh.engine.math;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of daemon threads that help the calling thread with one job at a time. Nothing is allocated per job:
 * the job is always {@code body}, which reads its parameters from fields its owner set before {@link #run(int)} and
 * claims chunks of work until none is left; it is told the index of the thread running it (0 = the caller).
 *
 * <p>A worker that has not started when the caller has run out of chunks is not waited for: the caller withdraws its
 * invitation. So a call is never slower than the caller alone by more than the hand-over, even when the machine is
 * busy and a worker does not get a core for milliseconds.
 */
final class WorkerTeam {

    /**
     * Idle workers spin this long before they park: training calls come back to back, and waking a parked thread
     * costs tens of microseconds, a good part of a whole call on these sizes.
     */
    private static final long SPIN_NANOS = 50_000;
    private static final int IDLE = 0;
    private static final int INVITED = 1;
    private static final int WORKING = 2;

    private final IntConsumer body;
    private final Thread[] workers;
    /** Per worker: IDLE, INVITED (by the caller) or WORKING; the transitions publish the job and its results. */
    private final AtomicIntegerArray states;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** Starts {@code threads - 1} workers named {@code neuromesh-kernels-1} and up. */
    WorkerTeam(int threads, IntConsumer body) {
        this.body = body;
        workers = new Thread[threads - 1];
        states = new AtomicIntegerArray(workers.length);
        for (int w = 0; w < workers.length; w++) {
            int index = w + 1;
            Thread worker = new Thread(() -> work(index), "neuromesh-kernels-" + index);
            worker.setDaemon(true);
            workers[w] = worker;
        }
        for (Thread worker : workers) {
            worker.start();
        }
    }

    /** Runs {@code body} on this thread and up to {@code helpers} workers; returns when all that started are done. */
    void run(int helpers) {
        failure = null;
        caller = Thread.currentThread();
        for (int w = 0; w < helpers; w++) {
            states.set(w, INVITED);
            LockSupport.unpark(workers[w]);
        }
        Throwable own = null;
        try {
            body.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        // Even after a failure here, wait for the workers that started: they are still writing the output.
        for (int w = 0; w < helpers; w++) {
            if (!states.compareAndSet(w, INVITED, IDLE)) {
                long start = System.nanoTime();
                while (states.get(w) != IDLE) {
                    pause(start);
                }
            }
        }
        Throwable first = own != null ? own : failure;
        if (first instanceof RuntimeException e) {
            throw e;
        } else if (first instanceof Error e) {
            throw e;
        } else if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /** Stops and joins the workers. */
    void close() {
        closed = true;
        boolean interrupted = false;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(int index) {
        int w = index - 1;
        long idleSince = System.nanoTime();
        while (!closed) {
            if (states.get(w) != INVITED || !states.compareAndSet(w, INVITED, WORKING)) {
                pause(idleSince);
                continue;
            }
            try {
                body.accept(index);
            } catch (Throwable e) {
                failure = e;
            } finally {
                states.set(w, IDLE);
                LockSupport.unpark(caller);
            }
            idleSince = System.nanoTime();
        }
    }

    /** Spins for a while after {@code since}, then parks until unparked (spurious wake-ups are fine for callers). */
    private static void pause(long since) {
        if (System.nanoTime() - since < SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            LockSupport.park();
        }
    }
}

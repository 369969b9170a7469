package org.neuromesh.learner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Turns other peers' error signals into a gain on this peer's output error: the global neuromodulator of its
 * learning rules. Each signal that concerns this peer's data adds {@code urgency x value} to the gain, fading with
 * a half-life of {@value #HALF_LIFE_SECONDS} s:
 *
 * <pre>
 * gain = clamp(1 + sum_i urgency_i * value_i * 2^(-age_i / halfLife), 1/4, 4)
 * </pre>
 *
 * so a reported error (positive value) makes every rule learn more from what it sees, a reward (negative value)
 * less, and without signals learning is unchanged. A signal concerns this peer when its topic is {@value #ANY_TOPIC},
 * the data set's id, or starts with the id and a slash (e.g. {@code mnist/digits-5-9}). Thread-safe.
 */
public final class SignalModulation {

    public static final double HALF_LIFE_SECONDS = 30;
    public static final double MIN_GAIN = 0.25;
    public static final double MAX_GAIN = 4;
    /** The topic of signals meant for every peer. */
    public static final String ANY_TOPIC = "all";
    /** Signals older than this many half-lives no longer count. */
    private static final int HALF_LIVES_KEPT = 8;
    private static final int MAX_SIGNALS = 256;

    private record Signal(double strength, long arrivedNanos) {
    }

    private final String dataset;
    private final LongSupplier nanoClock;
    private final Deque<Signal> signals = new ArrayDeque<>();

    /**
     * @param dataset the id of the data set this peer learns from
     * @param nanoClock a monotonic clock, {@code System::nanoTime} outside tests
     */
    public SignalModulation(String dataset, LongSupplier nanoClock) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Takes a signal into account if its topic concerns this peer's data.
     *
     * @return whether it did
     */
    public synchronized boolean add(double value, double urgency, String topic) {
        if (!concernsThisPeer(topic) || !Double.isFinite(value) || !(urgency >= 0 && urgency <= 1)) {
            return false;
        }
        if (signals.size() == MAX_SIGNALS) {
            signals.removeFirst();
        }
        signals.addLast(new Signal(urgency * value, nanoClock.getAsLong()));
        return true;
    }

    /** The gain on the output error now. */
    public synchronized double gain() {
        long now = nanoClock.getAsLong();
        double halfLifeNanos = HALF_LIFE_SECONDS * 1e9;
        while (!signals.isEmpty() && now - signals.peekFirst().arrivedNanos() > HALF_LIVES_KEPT * halfLifeNanos) {
            signals.removeFirst();
        }
        double sum = 0;
        for (Signal signal : signals) {
            sum += signal.strength() * Math.pow(2, -(now - signal.arrivedNanos()) / halfLifeNanos);
        }
        return Math.max(MIN_GAIN, Math.min(MAX_GAIN, 1 + sum));
    }

    private boolean concernsThisPeer(String topic) {
        return topic != null && (topic.equals(ANY_TOPIC) || topic.equals(dataset) || topic.startsWith(dataset + "/"));
    }
}

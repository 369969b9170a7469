package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;

/**
 * Error propagation between peers: {@link #broadcast} sends a signed {@code signal.error} to everyone; verified
 * signals of other peers go to every {@link #subscribe subscriber} and the latest are kept for status views. A
 * peer does not receive its own signals. {@link ModulationSink} services (the learner's) take them as modulatory
 * input.
 */
public final class Signals {

    static final String ERROR = "signal.error";

    private static final System.Logger LOG = System.getLogger(Signals.class.getName());

    private final CapsuleSender sender;
    private final Clock clock;
    private final int keep;
    private final Deque<ErrorSignal> latest = new ArrayDeque<>();
    private final List<SignalListener> listeners = new CopyOnWriteArrayList<>();

    /** @param keep how many of the latest signals to keep for {@link #latest()} */
    public Signals(CapsuleSender sender, Inbox inbox, Clock clock, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one signal, got " + keep);
        }
        this.sender = sender;
        this.clock = clock;
        this.keep = keep;
        inbox.onControl(ERROR, this::arrived);
    }

    /**
     * Signs and broadcasts an error signal.
     *
     * @throws IllegalArgumentException for a value that is not finite, an urgency outside 0..1 or a blank topic
     * @throws IOException if the transport refuses it
     */
    public void broadcast(double value, double urgency, String topic) throws IOException {
        send(value, urgency, topic, null);
    }

    /**
     * Signs and sends an error signal to one peer ({@code recipient}; null: every peer), as {@link #broadcast}.
     */
    public void send(double value, double urgency, String topic, PeerId recipient) throws IOException {
        sender.control(ERROR, recipient, SignalCodec.write(new SignalCodec.Body(value, urgency, topic)));
    }

    /**
     * Adds a listener for other peers' signals.
     *
     * @return a handle whose {@code close()} removes it
     */
    public AutoCloseable subscribe(SignalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The latest signals received, oldest first. */
    public synchronized List<ErrorSignal> latest() {
        return List.copyOf(latest);
    }

    private void arrived(SignedControlMessage message) throws IOException {
        SignalCodec.Body body = SignalCodec.read(message.body());
        ErrorSignal signal = new ErrorSignal(message.sender(), body.value(), body.urgency(), body.topic(),
                clock.instant());
        synchronized (this) {
            latest.addLast(signal);
            while (latest.size() > keep) {
                latest.removeFirst();
            }
        }
        for (SignalListener listener : listeners) {
            try {
                listener.signalled(signal);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a signal listener failed on " + signal.topic(), e);
            }
        }
    }
}

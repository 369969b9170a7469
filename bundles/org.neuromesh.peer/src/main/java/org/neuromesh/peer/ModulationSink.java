package org.neuromesh.peer;

/**
 * Where error signals from other peers are to enter learning: the hook for feeding them into a learning rule's
 * modulatory input (the forward-delivered error of the three-factor rules).
 *
 * <p>A learner that wants other peers' errors to modulate its training registers an implementation as an OSGi
 * service (the engine learner does: {@code org.neuromesh.learner.SignalModulation}); the peer runtime component
 * binds every such service (dynamically) and hands it each verified {@code signal.error}. How a signal becomes modulation (scaling by urgency, matching the topic to
 * a data set, decay) is the implementation's decision; the runtime only delivers. Called on a transport thread:
 * queue the signal and return, never train here.
 */
@FunctionalInterface
public interface ModulationSink {

    /** A verified error signal from another peer. */
    void modulate(ErrorSignal signal);
}

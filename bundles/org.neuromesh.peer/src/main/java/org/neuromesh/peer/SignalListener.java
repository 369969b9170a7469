package org.neuromesh.peer;

/** Told about error signals from other peers; called on a transport thread, so return quickly. */
@FunctionalInterface
public interface SignalListener {

    void signalled(ErrorSignal signal);
}

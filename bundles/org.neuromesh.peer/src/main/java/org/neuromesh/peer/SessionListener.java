package org.neuromesh.peer;

/** Told about session progress; called on a runtime thread, so return quickly. */
public interface SessionListener {

    /** The aggregator closed a round, or a member received a new global state. */
    default void progressed(SessionStatus status) {
    }

    /** The session ended, done or failed. */
    default void ended(SessionStatus status) {
    }

    SessionListener NONE = new SessionListener() {
    };
}

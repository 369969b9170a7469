package org.neuromesh.engine.network;

/** Training produced a NaN or infinite value; the message names where and when. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}

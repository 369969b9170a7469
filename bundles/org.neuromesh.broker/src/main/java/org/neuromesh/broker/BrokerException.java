package org.neuromesh.broker;

/** The embedded broker cannot start; the message names the setting at fault and what to change. */
public class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}

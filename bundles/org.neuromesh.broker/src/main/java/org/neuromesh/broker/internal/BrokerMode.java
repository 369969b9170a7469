package org.neuromesh.broker.internal;

import java.util.Locale;

/** When the embedded broker runs. */
enum BrokerMode {
    /** While the MQTT transport is not pointed at another broker. */
    AUTO,
    ALWAYS,
    NEVER;

    static BrokerMode parse(String value) {
        String name = value == null ? "" : value.trim();
        for (BrokerMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown broker mode '" + value + "'; use auto, always or never");
    }

    boolean wantsBroker(boolean transportNamesABroker) {
        return this == ALWAYS || this == AUTO && !transportNamesABroker;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

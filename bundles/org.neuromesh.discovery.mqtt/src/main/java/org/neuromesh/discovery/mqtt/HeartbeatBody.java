package org.neuromesh.discovery.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

import org.neuromesh.api.security.RejectedMessageException;

/**
 * The body of a {@code peer.heartbeat} control message: the sender's health.
 *
 * <p>Layout (big-endian, exactly 41 bytes): version (1 byte, 2); the sender's run (8 bytes, as in its
 * {@link PresenceBody}); the heartbeat's sequence number in the run (8 bytes, from 1, growing); system load average
 * over the last minute, in thousandths (8 bytes, -1 if the system does not tell); free heap in bytes (8 bytes); the
 * last measured round trip to the broker in microseconds (8 bytes, -1 before the first measurement).
 *
 * @param run the sender's run
 * @param sequence counts the run's heartbeats, so that a receiver refuses one it has seen, or an older one
 * @param loadMillis load average x 1000, or -1
 * @param freeHeapBytes heap the JVM can still allocate
 * @param brokerRoundTripMicros the sender's last round trip to its broker, or -1
 */
public record HeartbeatBody(long run, long sequence, long loadMillis, long freeHeapBytes,
        long brokerRoundTripMicros) {

    /** Control message type. */
    public static final String TYPE = "peer.heartbeat";
    /** Health key: system load average (e.g. {@code 0.42}), absent if unknown. */
    public static final String LOAD = "load";
    /** Health key: free heap in bytes. */
    public static final String FREE_HEAP_BYTES = "freeHeapBytes";
    /** Health key: the peer's round trip to the broker in microseconds, absent before the first measurement. */
    public static final String BROKER_RTT_MICROS = "brokerRttMicros";

    private static final int VERSION = 2;
    private static final int SIZE = 41;

    public HeartbeatBody {
        if (sequence < 1 || loadMillis < -1 || freeHeapBytes < 0 || brokerRoundTripMicros < -1) {
            throw new IllegalArgumentException("heartbeat figures out of range: sequence " + sequence + ", load "
                    + loadMillis + ", heap "
                    + freeHeapBytes + ", round trip " + brokerRoundTripMicros);
        }
    }

    public byte[] encode() {
        return new BodyWriter().u8(VERSION).i64(run).i64(sequence).i64(loadMillis).i64(freeHeapBytes)
                .i64(brokerRoundTripMicros).toBytes();
    }

    public static HeartbeatBody decode(byte[] body) throws RejectedMessageException {
        BodyReader reader = new BodyReader("heartbeat", body, SIZE);
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.malformed("version " + version + " is not supported (this peer reads " + VERSION + ")");
        }
        long run = reader.i64("run");
        long sequence = reader.i64("sequence");
        long load = reader.i64("load");
        long heap = reader.i64("free heap");
        long roundTrip = reader.i64("round trip");
        reader.end();
        try {
            return new HeartbeatBody(run, sequence, load, heap, roundTrip);
        } catch (IllegalArgumentException e) {
            throw reader.malformed(e.getMessage());
        }
    }

    /** The figures as {@link org.neuromesh.api.peer.PeerInfo#health()} shows them. */
    public Map<String, String> toHealth() {
        Map<String, String> health = new LinkedHashMap<>();
        if (loadMillis >= 0) {
            health.put(LOAD, String.format(java.util.Locale.ROOT, "%.3f", loadMillis / 1000.0));
        }
        health.put(FREE_HEAP_BYTES, Long.toString(freeHeapBytes));
        if (brokerRoundTripMicros >= 0) {
            health.put(BROKER_RTT_MICROS, Long.toString(brokerRoundTripMicros));
        }
        return health;
    }
}

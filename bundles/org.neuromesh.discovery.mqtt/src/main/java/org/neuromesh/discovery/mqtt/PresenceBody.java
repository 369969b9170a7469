package org.neuromesh.discovery.mqtt;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;

/**
 * The body of a {@code peer.presence} control message: who the peer says it is and what it offers.
 *
 * <p>Layout (big-endian): version (1 byte, 2); display name (2-byte length + UTF-8); capability count (2 bytes)
 * and each capability (2-byte length + UTF-8); heartbeat interval in milliseconds (4 bytes); signing key and
 * agreement key (each 2-byte length + bytes, at most {@link PublicKeys#MAX_KEY_BYTES}); the run (8 bytes) and the
 * connection of that run (4 bytes, from 1) the announcement belongs to. Nothing may follow.
 *
 * <p>Run and connection make announcements fresh: a goodbye or last will ({@link GoodbyeBody}) counts only for the
 * run and connection of the presence a receiver holds, and heartbeats ({@link HeartbeatBody}) only for its run, so
 * a goodbye or heartbeat captured from an earlier run or connection changes nothing when replayed. At
 * most {@value #MAX_BYTES} bytes, {@value #MAX_CAPABILITIES} capabilities, {@value #MAX_TEXT_CHARS} characters per
 * text, no control characters, no duplicate capabilities.
 *
 * @param displayName the owner's name for the peer (may be empty)
 * @param capabilities what the peer offers, e.g. {@code rule:eligibility}, {@code free-nodes:128}
 * @param heartbeatMillis how often it sends heartbeats
 * @param keys its public keys
 * @param run a random number drawn when the peer's transport starts, the same for all its announcements
 * @param connection the number of the connection to the broker within the run, from 1
 */
public record PresenceBody(String displayName, Set<String> capabilities, int heartbeatMillis, PublicKeys keys,
        long run, int connection) {

    /** Control message type of an announcement. */
    public static final String TYPE = "peer.presence";
    /** Control message type of the last will and of a clean goodbye. */
    public static final String OFFLINE_TYPE = "peer.offline";
    /** Largest accepted body. */
    public static final int MAX_BYTES = 48 * 1024;
    /** Most capabilities one peer may announce. */
    public static final int MAX_CAPABILITIES = 256;
    /** Longest display name or capability, in characters. */
    public static final int MAX_TEXT_CHARS = 128;

    private static final int VERSION = 2;

    public PresenceBody {
        displayName = displayName == null ? "" : displayName;
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
        Objects.requireNonNull(keys, "keys");
        if (heartbeatMillis <= 0) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatMillis);
        }
        if (connection < 1) {
            throw new IllegalArgumentException("connection numbers start at 1, got " + connection);
        }
    }

    public byte[] encode() {
        BodyWriter writer = new BodyWriter().u8(VERSION).text(displayName).u16(capabilities.size());
        capabilities.stream().sorted().forEach(writer::text);
        return writer.i32(heartbeatMillis).bytes(keys.signingKey()).bytes(keys.agreementKey()).i64(run)
                .i32(connection).toBytes();
    }

    /** Parses a body strictly; anything else is a {@code MALFORMED} (or {@code OVERSIZED}) rejection. */
    public static PresenceBody decode(byte[] body) throws RejectedMessageException {
        BodyReader reader = new BodyReader("presence", body, MAX_BYTES);
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.malformed("version " + version + " is not supported (this peer reads " + VERSION + ")");
        }
        String displayName = reader.text("display name", MAX_TEXT_CHARS);
        int count = reader.u16("capability count");
        if (count > MAX_CAPABILITIES) {
            throw reader.malformed(count + " capabilities, more than " + MAX_CAPABILITIES);
        }
        Set<String> capabilities = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            String capability = reader.text("capability " + (i + 1), MAX_TEXT_CHARS);
            if (capability.isBlank() || !capabilities.add(capability)) {
                throw reader.malformed("capability " + (i + 1) + " is blank or repeated");
            }
        }
        int heartbeatMillis = reader.i32("heartbeat interval");
        if (heartbeatMillis < 50 || heartbeatMillis > 3_600_000) {
            throw reader.malformed("heartbeat interval " + heartbeatMillis + " ms is outside 50 ms to 1 h");
        }
        byte[] signing = reader.bytes("signing key", PublicKeys.MAX_KEY_BYTES);
        byte[] agreement = reader.bytes("agreement key", PublicKeys.MAX_KEY_BYTES);
        long run = reader.i64("run");
        int connection = reader.i32("connection");
        reader.end();
        try {
            return new PresenceBody(displayName, capabilities, heartbeatMillis, new PublicKeys(signing, agreement),
                    run, connection);
        } catch (IllegalArgumentException e) {
            throw reader.malformed(e.getMessage());
        }
    }
}

package org.neuromesh.discovery.mqtt;

import org.neuromesh.api.security.RejectedMessageException;

/**
 * The body of a {@code peer.offline} control message, a goodbye or a last will: which run and connection of the
 * sender it ends. A last will is signed when its connection is made and published by the broker whenever that
 * connection ends, possibly much later, so it carries no freshness of its own: it is fresh because it counts only
 * for the connection of the presence the receiver holds, and every new connection announces a new one.
 *
 * <p>Layout (big-endian, exactly 13 bytes): version (1 byte, 1); run (8 bytes); connection (4 bytes, from 1).
 *
 * @param run the run, as in {@link PresenceBody#run()}
 * @param connection the connection, as in {@link PresenceBody#connection()}
 */
public record GoodbyeBody(long run, int connection) {

    private static final int VERSION = 1;
    private static final int SIZE = 13;

    public GoodbyeBody {
        if (connection < 1) {
            throw new IllegalArgumentException("connection numbers start at 1, got " + connection);
        }
    }

    public byte[] encode() {
        return new BodyWriter().u8(VERSION).i64(run).i32(connection).toBytes();
    }

    public static GoodbyeBody decode(byte[] body) throws RejectedMessageException {
        BodyReader reader = new BodyReader("goodbye", body, SIZE);
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.malformed("version " + version + " is not supported (this peer reads " + VERSION + ")");
        }
        long run = reader.i64("run");
        int connection = reader.i32("connection");
        reader.end();
        try {
            return new GoodbyeBody(run, connection);
        } catch (IllegalArgumentException e) {
            throw reader.malformed(e.getMessage());
        }
    }

    /** Whether this goodbye ends the announced run and connection. */
    boolean ends(PresenceBody presence) {
        return presence.run() == run && presence.connection() == connection;
    }
}

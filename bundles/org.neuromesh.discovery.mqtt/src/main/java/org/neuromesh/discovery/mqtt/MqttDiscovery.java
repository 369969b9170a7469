package org.neuromesh.discovery.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.WireFormat;

/**
 * Discovery over MQTT: announces this peer (retained presence, last will, heartbeats with health and the measured
 * broker round trip) and keeps the table of other peers from their verified announcements.
 *
 * <p>A peer is reported gone on its last will or goodbye ({@code peer.offline}), or after {@code missedHeartbeats}
 * of its announced heartbeat intervals without a heartbeat (default 3 x 5 s = 15 s).
 *
 * <p>Every announcement names this transport's run (a random number drawn at start) and, for presence and goodbye,
 * the connection to the broker within the run; heartbeats count up. Each connection gets a last will of its own
 * ({@link #willForNextConnection}), so a will or goodbye that became public when one connection ended cannot end a
 * later one, nor a later run (see {@link PeerTable}).
 */
final class MqttDiscovery implements PeerDiscovery, AnnouncementSink {

    private static final Logger LOG = System.getLogger(MqttDiscovery.class.getName());
    /** How far a heartbeat's signing time may lie from this peer's clock (as control messages' window). */
    static final Duration HEARTBEAT_WINDOW = Duration.ofSeconds(120);

    private final PeerSecurity security;
    private final PeerId self;
    private final Topics topics;
    private final WireFormat format;
    private final PeerTable table;
    private final int heartbeatMillis;
    private final Publisher publisher;
    private final long run;
    private final AtomicInteger connection = new AtomicInteger();
    private final AtomicLong heartbeats = new AtomicLong();
    private final String displayNameAtStart;
    private final Set<String> capabilitiesAtStart;

    private volatile byte[] offline;

    private volatile PresenceBody presence;
    private volatile byte[] presenceMessage;
    private volatile long pingToken;
    private volatile long pingSentNanos;
    private volatile long roundTripMicros = -1;

    MqttDiscovery(PeerSecurity security, MqttSettings settings, WireFormat format, Publisher publisher)
            throws IOException {
        this.security = security;
        this.self = security.self();
        this.topics = new Topics(settings.topicRoot());
        this.format = format;
        this.publisher = publisher;
        this.heartbeatMillis = (int) settings.heartbeatInterval().toMillis();
        this.table = new PeerTable(settings.missedHeartbeats(), System::nanoTime, Instant::now,
                HEARTBEAT_WINDOW);
        this.run = new SecureRandom().nextLong();
        this.displayNameAtStart = settings.displayName();
        this.capabilitiesAtStart = settings.capabilities();
    }

    /**
     * The {@code peer.offline} message for the connection about to be made, signed now: the last will the broker
     * publishes when that connection ends without a goodbye. Called before every connection attempt.
     */
    byte[] willForNextConnection() {
        try {
            byte[] will = sign(PresenceBody.OFFLINE_TYPE, null,
                    new GoodbyeBody(run, connection.incrementAndGet()).encode());
            offline = will;
            return will.clone();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode this peer's last will", e);
        }
    }

    @Override
    public List<PeerInfo> peers() {
        return table.alive();
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        return table.addListener(listener);
    }

    /** The last measured round trip to the broker in microseconds, or -1 before the first measurement. */
    long roundTripMicros() {
        return roundTripMicros;
    }

    /** Announces new capabilities or a new display name. */
    void updatePresence(String displayName, Set<String> capabilities) throws IOException {
        presence = new PresenceBody(displayName, capabilities, heartbeatMillis, security.publicKeys(), run,
                Math.max(1, connection.get()));
        presenceMessage = sign(PresenceBody.TYPE, null, presence.encode());
        announce();
    }

    /** After every (re)connection: announce this connection, measure. */
    void connected() {
        PresenceBody current = presence;
        try {
            updatePresence(current == null ? displayNameAtStart : current.displayName(),
                    current == null ? capabilitiesAtStart : current.capabilities());
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot encode this peer's presence: " + e.getMessage());
        }
        ping();
    }

    /** Every heartbeat interval: a heartbeat with health, and a ping for the next one. */
    void beat() {
        try {
            HeartbeatBody body = new HeartbeatBody(run, heartbeats.incrementAndGet(), load(), freeHeap(),
                    roundTripMicros);
            publish(topics.heartbeat(self), sign(HeartbeatBody.TYPE, null, body.encode()), 0, false);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot encode a heartbeat: " + e.getMessage());
        }
        ping();
    }

    /** Declares silent peers gone. */
    void sweep() {
        table.expire();
    }

    /** Publishes the goodbye ({@code peer.offline}, retained) and waits up to {@code timeoutMillis} for the broker. */
    void goodbye(long timeoutMillis) {
        byte[] goodbye = offline;
        if (goodbye == null) {
            return; // never connected
        }
        IMqttDeliveryToken token = publish(topics.presence(self), goodbye, 1, true);
        if (token != null) {
            try {
                token.waitForCompletion(timeoutMillis);
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "Goodbye not confirmed: " + e);
            }
        }
    }

    @Override
    public void presence(SignedControlMessage message) throws RejectedMessageException {
        if (PresenceBody.OFFLINE_TYPE.equals(message.type())) {
            if (table.knows(message.sender())) {
                GoodbyeBody goodbye = GoodbyeBody.decode(message.body());
                security.verifySignature(message);
                table.offline(message.sender(), goodbye);
            }
            return;
        }
        PresenceBody body = PresenceBody.decode(message.body());
        security.trust(message.sender(), body.keys());
        security.verifySignature(message);
        table.presence(message.sender(), body, message.sentAt());
    }

    @Override
    public void heartbeat(SignedControlMessage message) throws RejectedMessageException {
        if (!table.knows(message.sender())) {
            throw new RejectedMessageException(RejectionReason.UNKNOWN_SENDER,
                    "heartbeat of " + message.sender().shortForm() + " before its presence");
        }
        HeartbeatBody body = HeartbeatBody.decode(message.body());
        security.verifySignature(message);
        table.heartbeat(message.sender(), body, message.sentAt());
    }

    @Override
    public void ping(SignedControlMessage message) throws RejectedMessageException {
        byte[] body = message.body();
        if (body.length != Long.BYTES) {
            throw new RejectedMessageException(RejectionReason.MALFORMED, "ping body of " + body.length + " bytes");
        }
        long token = ByteBuffer.wrap(body).getLong();
        if (token == pingToken) {
            roundTripMicros = Math.max(0, (System.nanoTime() - pingSentNanos) / 1000);
        }
    }

    private void announce() {
        publish(topics.presence(self), presenceMessage, 1, true);
    }

    private void ping() {
        long token = System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        try {
            byte[] message = sign(InboundRouter.PING_TYPE, self, ByteBuffer.allocate(Long.BYTES).putLong(token)
                    .array());
            pingToken = token;
            pingSentNanos = System.nanoTime();
            publish(topics.ping(self), message, 0, false);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot encode a ping: " + e.getMessage());
        }
    }

    private byte[] sign(String type, PeerId recipient, byte[] body) throws IOException {
        SignedControlMessage message = security.sign(type, recipient, body);
        return format.encode(message);
    }

    private IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained) {
        try {
            return publisher.publish(topic, payload, qos, retained);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "Not published to " + topic + " (" + e.getMessage() + "); sent again on reconnect");
            return null;
        }
    }

    private static long load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 || Double.isNaN(load) ? -1 : Math.round(load * 1000);
    }

    private static long freeHeap() {
        Runtime runtime = Runtime.getRuntime();
        return Math.max(0, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
    }

    /** For logs: who is known. */
    @Override
    public String toString() {
        return "MqttDiscovery[" + self.shortForm() + ", peers=" + table.alive().size() + "]";
    }

    Map<String, String> ownHealth() {
        return new HeartbeatBody(run, Math.max(1, heartbeats.get()), load(), freeHeap(), roundTripMicros).toHealth();
    }
}

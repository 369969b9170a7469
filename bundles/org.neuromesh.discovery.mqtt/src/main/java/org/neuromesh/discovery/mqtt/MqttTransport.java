package org.neuromesh.discovery.mqtt;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.crypto.WireFormat;

/**
 * One peer's MQTT transport: the broker connection, discovery ({@link #discovery()}) and messaging
 * ({@link #messaging()}) over the topic layout of {@link Topics}. The MQTT client id is the peer id, the session is
 * persistent, the last will is a pre-signed {@code peer.offline}. Plain Java: the DS component
 * {@code org.neuromesh.discovery.mqtt.internal.MqttTransportComponent} wraps it, tests create it directly.
 *
 * <pre>
 * MqttTransport transport = MqttTransport.start(settings, security);
 * transport.messaging().subscribe(message -&gt; ...);
 * transport.discovery().addListener(listener);
 * transport.messaging().send(security.seal(capsule, recipients));
 * transport.close();   // goodbye, clean disconnect; unacknowledged messages stay in the outbox
 * </pre>
 */
public final class MqttTransport implements AutoCloseable {

    /** Messages published but not yet acknowledged, at most. */
    static final int WINDOW_MESSAGES = 512;
    /** Bytes published but not yet acknowledged, at most (one larger message may exceed it alone). */
    static final long WINDOW_BYTES = 32L << 20;

    private static final Logger LOG = System.getLogger(MqttTransport.class.getName());
    private static final long GOODBYE_TIMEOUT_MILLIS = 2_000;

    private final MqttSettings settings;
    private final PeerId self;
    private final RejectionCounts rejections = new RejectionCounts();
    private final ScheduledExecutorService scheduler;
    private final Outbox outbox;
    private final MqttDiscovery discovery;
    private final MqttMessaging messaging;
    private final OutboxPublisher publisher;
    private final MqttLink link;
    private volatile boolean closed;

    private MqttTransport(MqttSettings settings, PeerId self, PeerSecurity security) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.self = Objects.requireNonNull(self, "self");
        WireFormat format = new WireFormat(settings.maxMessageBytes());
        Topics topics = new Topics(settings.topicRoot());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "neuromesh-mqtt-" + self.shortForm());
            thread.setDaemon(true);
            return thread;
        });
        Outbox opened = null;
        try {
            opened = Outbox.open(settings.outboxDirectory());
            this.outbox = opened;
            this.discovery = security == null ? null
                    : new MqttDiscovery(security, settings, format, (topic, payload, qos, retained) -> link()
                            .publish(topic, payload, qos, retained, null));
            this.publisher = new OutboxPublisher(outbox, new OutboxPublisher.Sink() {
                @Override
                public boolean isConnected() {
                    return link().isConnected();
                }

                @Override
                public void publish(String topic, byte[] payload, IMqttActionListener callback)
                        throws MqttException {
                    link().publish(topic, payload, 1, false, callback);
                }
            }, scheduler, WINDOW_MESSAGES, WINDOW_BYTES);
            this.messaging = new MqttMessaging(topics, format, outbox, publisher);
            InboundRouter router = new InboundRouter(self, topics, format, rejections, discovery, messaging::deliver);
            MqttLink.LastWill will = discovery == null ? null
                    : new MqttLink.LastWill(topics.presence(self), discovery::willForNextConnection);
            this.link = new MqttLink(settings, self.value(), subscriptions(topics), will, scheduler,
                    new MqttLink.Listener() {
                        @Override
                        public void connected(boolean reconnect) {
                            try {
                                scheduler.execute(MqttTransport.this::connected);
                            } catch (RejectedExecutionException e) {
                                // closing
                            }
                        }

                        @Override
                        public void disconnected() {
                            // Paho reconnects; connected() replays what is not acknowledged
                        }

                        @Override
                        public void messageArrived(String topic, byte[] payload, Runnable acknowledge) {
                            router.route(topic, payload, acknowledge);
                        }
                    });
        } catch (MqttException e) {
            cleanUp(opened);
            throw new IOException("cannot create the MQTT client for " + settings.serverUri() + ": " + e, e);
        } catch (RuntimeException | IOException e) {
            cleanUp(opened);
            throw e;
        }
    }

    private void cleanUp(Outbox opened) {
        scheduler.shutdownNow();
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Releasing the outbox after a failed start: " + e);
            }
        }
    }

    /**
     * Starts a transport with discovery and messaging; returns at once and connects in the background (retrying
     * until the broker answers; see {@link #connectionStatus()}).
     *
     * @throws IOException if the outbox folder cannot be used
     * @throws IllegalArgumentException naming the property if TLS files cannot be used
     */
    public static MqttTransport start(MqttSettings settings, PeerSecurity security) throws IOException {
        MqttTransport transport = new MqttTransport(settings, security.self(), Objects.requireNonNull(security));
        transport.begin();
        return transport;
    }

    /**
     * Starts a transport that only sends and receives (no presence, heartbeats or last will), e.g. for a relay or a
     * measurement; {@link #discovery()} is not available.
     */
    public static MqttTransport startWithoutDiscovery(MqttSettings settings, PeerId self) throws IOException {
        MqttTransport transport = new MqttTransport(settings, self, null);
        transport.begin();
        return transport;
    }

    private void begin() {
        LOG.log(Level.INFO, "MQTT transport of " + self.shortForm() + " starting: " + settings + ", "
                + (discovery == null ? "without discovery" : "with discovery"));
        publisher.replay();
        long heartbeat = settings.heartbeatInterval().toMillis();
        if (discovery != null) {
            scheduler.scheduleAtFixedRate(guarded(discovery::beat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
            long sweep = Math.max(25, Math.min(heartbeat / 2, 1000));
            scheduler.scheduleAtFixedRate(guarded(discovery::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleAtFixedRate(guarded(publisher::pump), 1, 1, TimeUnit.SECONDS);
        link.start();
    }

    private MqttLink link() {
        return link;
    }

    private void connected() {
        if (closed) {
            return;
        }
        if (discovery != null) {
            discovery.connected();
        }
        publisher.replay();
    }

    private Map<String, Integer> subscriptions(Topics topics) {
        Map<String, Integer> filters = new LinkedHashMap<>();
        if (discovery != null) {
            filters.put(topics.everyPeer(Topics.Kind.PRESENCE), 1);
            filters.put(topics.everyPeer(Topics.Kind.HEARTBEAT), 0);
            filters.put(topics.ping(self), 0);
        }
        filters.put(topics.inbox(self), 1);
        filters.put(topics.broadcast(), 1);
        filters.put(topics.audit(), 1);
        return filters;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "MQTT transport task failed", e);
            }
        };
    }

    /** This peer. */
    public PeerId self() {
        return self;
    }

    public MqttSettings settings() {
        return settings;
    }

    /**
     * Discovery over this connection.
     *
     * @throws IllegalStateException if the transport was started without discovery
     */
    public PeerDiscovery discovery() {
        if (discovery == null) {
            throw new IllegalStateException("this MQTT transport was started without discovery");
        }
        return discovery;
    }

    /** Messaging over this connection. */
    public PeerMessaging messaging() {
        return messaging;
    }

    /** Inbound messages dropped so far, by reason. */
    public RejectionCounts rejections() {
        return rejections;
    }

    public ConnectionStatus connectionStatus() {
        return link.status();
    }

    /** The connection as the user sees it: up once the broker confirmed the subscriptions. */
    public TransportState state() {
        ConnectionStatus status = link.status();
        return new TransportState(status.connected() && status.subscribed(), status.serverUri(), status.since(),
                status.lastError(), settings.heartbeatInterval().multipliedBy(settings.missedHeartbeats()));
    }

    /** Messages stored in the outbox and not yet acknowledged by the broker. */
    public int outboxSize() throws IOException {
        return outbox.size();
    }

    /** The last measured round trip to the broker in microseconds, -1 before the first (or without discovery). */
    public long brokerRoundTripMicros() {
        return discovery == null ? -1 : discovery.roundTripMicros();
    }

    /** This peer's own health figures, as its heartbeats carry them. */
    public Map<String, String> ownHealth() {
        return discovery == null ? Map.of() : discovery.ownHealth();
    }

    /** Announces a new display name and capabilities (e.g. when free nodes change). */
    public void updatePresence(String displayName, Set<String> capabilities) throws IOException {
        discovery();
        discovery.updatePresence(displayName, capabilities);
    }

    /**
     * Says goodbye ({@code peer.offline}), disconnects cleanly and releases the outbox. Messages not yet
     * acknowledged stay in the outbox and are sent by the next transport on it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        messaging.close();
        link.stopReconnecting();
        if (discovery != null && link.isConnected()) {
            discovery.goodbye(GOODBYE_TIMEOUT_MILLIS);
        }
        link.disconnect(GOODBYE_TIMEOUT_MILLIS);
        // only now: the scheduler also runs the keep-alive pings of the connection that is saying goodbye
        scheduler.shutdownNow();
        releaseOutbox();
        LOG.log(Level.INFO, "MQTT transport of " + self.shortForm() + " closed; " + rejections);
    }

    /**
     * Stops as a crash would: no goodbye, no DISCONNECT packet (the broker publishes the last will), outbox files
     * left as they are. For tests and for emergencies.
     */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        messaging.close();
        link.abort();
        scheduler.shutdownNow();
        releaseOutbox();
        LOG.log(Level.INFO, "MQTT transport of " + self.shortForm() + " aborted");
    }

    private void releaseOutbox() {
        try {
            outbox.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot release the outbox lock of " + outbox.directory() + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "MqttTransport[" + self.shortForm() + ", " + link.status() + "]";
    }
}

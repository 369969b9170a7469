package org.neuromesh.discovery.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One Paho connection: connects (retrying until the broker answers), re-subscribes on every (re)connection, logs
 * its state, and hands arriving messages to a {@link Listener}. A lost connection is reconnected by the same retry
 * loop, not by Paho's automatic reconnect, which was seen to stop trying after a Mosquitto restart; the session is
 * persistent ({@code cleanSession=false}) so the broker queues QoS 1 messages meanwhile. An attempt the broker does
 * not answer within {@link #ANSWER_TIMEOUT_MILLIS} is abandoned and retried: Paho waits for the CONNACK without a
 * limit and misses a connection the broker closes right after accepting it (Paho issues 511 and 1013), which is
 * what a Mosquitto that is shutting down does; peers reconnecting during a Mosquitto restart waited for ever.
 *
 * <p>Paho keeps its in-flight messages in memory only, and drops them when the connection is lost: the outbox is
 * the durable store and publishes them again after the reconnection, as new messages. Paho's own file store would
 * make it resend them with the DUP flag instead, which Moquette 0.17 (the embedded broker) answers by killing the
 * session's event loop ({@code retain(0)} in {@code PostOffice.publish2Subscribers}), and would store each message a
 * second time.
 */
final class MqttLink implements MqttCallbackExtended {

    /** Told what happens on the connection; called on Paho's threads, must not throw or block. */
    interface Listener {
        void connected(boolean reconnect);

        void disconnected();

        /**
         * A message arrived; {@code acknowledge} tells the broker it was taken. Until then (and if the link closes
         * before it is called) the broker keeps a QoS 1 message in the persistent session and sends it again.
         */
        void messageArrived(String topic, byte[] payload, Runnable acknowledge);
    }

    /**
     * A last will: its topic, and its payload for each connection, asked for before every attempt so that each
     * connection has a will of its own (published retained, QoS 1).
     */
    record LastWill(String topic, Supplier<byte[]> payloadForNextConnection) {
    }

    private static final Logger LOG = System.getLogger(MqttLink.class.getName());
    private static final int MAX_INFLIGHT = 4096;
    private static final long RETRY_MIN_MILLIS = 500;
    private static final long RETRY_MAX_MILLIS = 5_000;
    /** As long as Paho's own socket and TLS handshake timeout: a broker that answers at all answers well within. */
    static final long ANSWER_TIMEOUT_MILLIS = 10_000;

    private final MqttSettings settings;
    private final String clientId;
    private final Map<String, Integer> subscriptions;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final LastWill will;
    private final String label;
    private final long answerTimeoutMillis;
    private final AtomicLong attempts = new AtomicLong();
    /** The number of the attempt waiting for its answer, 0 for none: its failure or its abandonment, not both. */
    private final AtomicLong pending = new AtomicLong();

    private volatile ConnectionStatus status;
    /** Counts lost connections: a message's acknowledgement is for the connection it arrived on only. */
    private final AtomicInteger connectionsLost = new AtomicInteger();
    private volatile boolean subscribed;
    private volatile boolean closing;
    private volatile long retryMillis = RETRY_MIN_MILLIS;

    /**
     * @param will the last will, or {@code null} for none
     */
    MqttLink(MqttSettings settings, String clientId, Map<String, Integer> subscriptions,
            LastWill will, ScheduledExecutorService scheduler, Listener listener)
            throws MqttException {
        this(settings, clientId, subscriptions, will, scheduler, listener, ANSWER_TIMEOUT_MILLIS);
    }

    MqttLink(MqttSettings settings, String clientId, Map<String, Integer> subscriptions,
            LastWill will, ScheduledExecutorService scheduler, Listener listener,
            long answerTimeoutMillis) throws MqttException {
        this.answerTimeoutMillis = answerTimeoutMillis;
        this.settings = settings;
        this.clientId = clientId;
        this.subscriptions = Map.copyOf(subscriptions);
        this.scheduler = scheduler;
        this.listener = listener;
        this.label = clientId.length() > 8 ? clientId.substring(0, 8) : clientId;
        // Paho's default keep-alive pinger is a java.util.Timer with a non-daemon thread of its own, which kept the
        // JVM alive after a stop whenever Paho did not cancel it; pings run on the link's daemon scheduler instead
        this.client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence(),
                new ScheduledExecutorPingSender(scheduler), null);
        this.options = options(settings);
        this.will = will;
        this.status = new ConnectionStatus(false, false, settings.serverUri(), null, Instant.now(), 0);
        client.setCallback(this);
        // a message is acknowledged once a handler took it, so that one held when the link closes comes again
        client.setManualAcks(true);
    }

    private static MqttConnectOptions options(MqttSettings settings) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false); // see the class comment
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(10);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(SocketFactories.forSettings(settings));
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password());
        }
        return options;
    }

    /** Starts connecting; returns at once. */
    void start() {
        attempt();
    }

    ConnectionStatus status() {
        ConnectionStatus current = status;
        return subscribed && current.connected() ? current.withSubscribed() : current;
    }

    /** Connected, and the subscriptions of this connection requested (see {@link #connectComplete}). */
    boolean isConnected() {
        return status.connected() && client.isConnected();
    }

    /** Publishes asynchronously; {@code callback} (may be null) hears whether the broker acknowledged it. */
    IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained, IMqttActionListener callback)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        return client.publish(topic, message, null, callback);
    }

    /** No more connection attempts from now on; the current connection stays until {@link #disconnect}. */
    void stopReconnecting() {
        closing = true;
    }

    /** Disconnects cleanly (the broker discards the last will), waiting at most {@code timeoutMillis}. */
    void disconnect(long timeoutMillis) {
        closing = true;
        try {
            if (client.isConnected()) {
                client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis + 1000);
            } else {
                // a connection attempt may be under way: end it now, or its answer arrives after the close
                client.disconnectForcibly(0, 0, false);
            }
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "[" + label + "] clean disconnect failed: " + e);
            abort();
            return;
        }
        closeClient();
        LOG.log(Level.INFO, "[" + label + "] disconnected from " + settings.serverUri());
    }

    /**
     * Drops the connection without a DISCONNECT packet, as a crash would: the broker publishes the last will.
     */
    void abort() {
        closing = true;
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "[" + label + "] forced disconnect: " + e);
        }
        closeClient();
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "[" + label + "] close: " + e);
        }
    }

    private void attempt() {
        if (closing || client.isConnected() || pending.get() != 0) {
            return; // closed, connected, or an attempt is under way already
        }
        long attempt = attempts.incrementAndGet();
        pending.set(attempt);
        try {
            if (will != null) {
                options.setWill(will.topic(), will.payloadForNextConnection().get(), 1, true);
            }
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    pending.compareAndSet(attempt, 0);
                    retryMillis = RETRY_MIN_MILLIS; // connectComplete does the rest
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    if (pending.compareAndSet(attempt, 0)) {
                        connectFailed(failure);
                    }
                }
            });
        } catch (MqttException e) {
            pending.compareAndSet(attempt, 0);
            connectFailed(e);
            return;
        }
        try {
            scheduler.schedule(() -> abandonIfUnanswered(attempt), answerTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the transport is closing
        }
    }

    private void abandonIfUnanswered(long attempt) {
        if (closing || client.isConnected() || !pending.compareAndSet(attempt, 0)) {
            return; // answered in time
        }
        connectionsLost.incrementAndGet();
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "[" + label + "] abandoning a connection attempt: " + e);
        }
        connectFailed(new IllegalStateException("the broker accepted the connection but did not answer within "
                + answerTimeoutMillis + " ms"));
    }

    private void connectFailed(Throwable failure) {
        if (closing) {
            return;
        }
        String reason = describe(failure);
        boolean firstOrChanged = status.lastError() == null || !status.lastError().equals(reason);
        status = new ConnectionStatus(false, false, settings.serverUri(), reason, Instant.now(), status.connects());
        long delay = retryMillis;
        retryMillis = Math.min(RETRY_MAX_MILLIS, retryMillis * 2);
        LOG.log(firstOrChanged ? Level.WARNING : Level.DEBUG, "[" + label + "] cannot connect to "
                + settings.serverUri() + ": " + reason + "; retrying in " + delay + " ms");
        retryIn(delay);
    }

    private void retryIn(long delayMillis) {
        try {
            scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the transport is closing
        }
    }

    /** A reason a user can act on, without passwords. */
    String describe(Throwable failure) {
        if (failure instanceof MqttException mqtt) {
            int code = mqtt.getReasonCode();
            if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                return "the broker refused the login of user '" + settings.username() + "' (MQTT return code "
                        + code + ": bad username or password, or not authorized); check username and password";
            }
            Throwable cause = mqtt.getCause();
            if (cause instanceof java.net.ConnectException) {
                return "no broker answers at " + settings.host() + ":" + settings.port() + " (connection refused);"
                        + " check host and port, and that the broker runs";
            }
            if (cause instanceof java.net.UnknownHostException) {
                return "the host '" + settings.host() + "' is unknown; check the host name";
            }
            return mqtt.getMessage() + " (reason code " + code + ")"
                    + (cause == null ? "" : ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return failure instanceof IllegalStateException ? failure.getMessage() : String.valueOf(failure);
    }

    @Override
    public void connectComplete(boolean pahoReconnect, String serverUri) {
        boolean reconnect = status.connects() > 0;
        LOG.log(Level.INFO, "[" + label + "] " + (reconnect ? "reconnected" : "connected") + " to " + serverUri
                + " as client " + clientId);
        subscribed = false;
        // SUBSCRIBE goes out before anything this transport publishes on the new connection (isConnected() is
        // false until the status below says so), so a message to this peer itself is not published unsubscribed
        subscribe();
        status = new ConnectionStatus(true, false, serverUri, null, Instant.now(), status.connects() + 1);
        try {
            listener.connected(reconnect);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "[" + label + "] connection listener failed", e);
        }
    }

    private void subscribe() {
        if (subscriptions.isEmpty()) {
            subscribed = true;
            return;
        }
        String[] filters = subscriptions.keySet().toArray(String[]::new);
        int[] qos = subscriptions.values().stream().mapToInt(Integer::intValue).toArray();
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribed = true;
                    int[] granted = token.getGrantedQos();
                    for (int g : granted == null ? new int[0] : granted) {
                        if (g == 0x80) {
                            LOG.log(Level.ERROR, "[" + label + "] the broker refused a subscription of "
                                    + String.join(", ", filters) + " (check its ACL)");
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.log(Level.WARNING, "[" + label + "] subscribing failed: " + describe(failure));
                }
            });
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "[" + label + "] subscribing failed: " + describe(e));
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        connectionsLost.incrementAndGet();
        subscribed = false;
        dropInflight();
        String reason = describe(cause);
        status = new ConnectionStatus(false, false, settings.serverUri(), reason, Instant.now(), status.connects());
        if (!closing) {
            LOG.log(Level.WARNING, "[" + label + "] connection to " + settings.serverUri() + " lost: " + reason
                    + "; reconnecting");
            retryMillis = RETRY_MIN_MILLIS;
            retryIn(RETRY_MIN_MILLIS);
        }
        try {
            listener.disconnected();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "[" + label + "] connection listener failed", e);
        }
    }

    /** Forgets unacknowledged publishes, so that Paho does not resend them with DUP (see the class comment). */
    private void dropInflight() {
        for (IMqttDeliveryToken token : client.getPendingDeliveryTokens()) {
            try {
                client.removeMessage(token);
            } catch (MqttException | RuntimeException e) {
                LOG.log(Level.DEBUG, "[" + label + "] cannot drop an in-flight message: " + e);
            }
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Runnable acknowledge = acknowledgement(message);
        try {
            listener.messageArrived(topic, message.getPayload(), acknowledge);
        } catch (RuntimeException e) {
            // never let an exception reach Paho: it would drop the connection
            LOG.log(Level.ERROR, "[" + label + "] handling a message on " + topic + " failed", e);
            acknowledge.run();
        }
    }

    /**
     * The PUBACK of a QoS 1 message, sent once, and only on the connection it arrived on: after a reconnection the
     * broker sends what was not acknowledged again, and the old message id may name another message.
     */
    private Runnable acknowledgement(MqttMessage message) {
        if (message.getQos() == 0) {
            return () -> { };
        }
        int connection = connectionsLost.get();
        AtomicBoolean sent = new AtomicBoolean();
        return () -> {
            if (connectionsLost.get() != connection || !sent.compareAndSet(false, true)) {
                return;
            }
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException | RuntimeException e) {
                LOG.log(Level.DEBUG, "[" + label + "] cannot acknowledge a message; the broker sends it again: " + e);
            }
        };
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // each publish has its own action listener
    }
}

package org.neuromesh.discovery.mqtt;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes the {@link Outbox}'s entries with QoS 1, oldest first, keeping a bounded number (and size) in flight,
 * and deletes each entry's file once the broker has acknowledged it. After every (re)connection everything not yet
 * acknowledged is published again, so a message can arrive twice but is never lost while its file exists.
 */
final class OutboxPublisher {

    /** Publishes one entry; {@link MqttLink#publish} in production. */
    interface Sink {
        boolean isConnected();

        void publish(String topic, byte[] payload, IMqttActionListener callback) throws MqttException;
    }

    private static final Logger LOG = System.getLogger(OutboxPublisher.class.getName());

    private final Outbox outbox;
    private final Sink sink;
    private final Executor pumper;
    private final Object pumpLock = new Object();
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private final int windowMessages;
    private final long windowBytes;
    private final TreeMap<Long, OutboxEntry> pending = new TreeMap<>();
    private final Map<Long, OutboxEntry> inflight = new HashMap<>();
    private long inflightBytes;

    /**
     * @param pumper runs the publishing that acknowledgements make possible, off Paho's callback thread
     */
    OutboxPublisher(Outbox outbox, Sink sink, Executor pumper, int windowMessages,
            long windowBytes) {
        this.outbox = outbox;
        this.sink = sink;
        this.pumper = pumper;
        this.windowMessages = windowMessages;
        this.windowBytes = windowBytes;
    }

    /** Queues a freshly stored entry and publishes it if the window allows. */
    void submit(OutboxEntry entry) {
        synchronized (this) {
            pending.put(entry.sequence(), entry);
        }
        pump();
    }

    /**
     * Takes up everything the outbox folder holds (after a start: what a crashed predecessor left) and everything
     * still unacknowledged, and publishes it again from the oldest on.
     */
    void replay() {
        List<OutboxEntry> stored;
        try {
            stored = outbox.pending();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot list the outbox " + outbox.directory() + ": " + e);
            stored = List.of();
        }
        synchronized (this) {
            for (OutboxEntry entry : inflight.values()) {
                pending.put(entry.sequence(), entry);
            }
            inflight.clear();
            inflightBytes = 0;
            for (OutboxEntry entry : stored) {
                pending.putIfAbsent(entry.sequence(), entry);
            }
        }
        pump();
    }

    /** Publishes queued entries while connected and inside the window, one caller at a time (in order). */
    void pump() {
        synchronized (pumpLock) {
            pumpLocked();
        }
    }

    /** Pumps soon on the pumper; calls made meanwhile are folded into one. */
    void pumpSoon() {
        if (pumpScheduled.compareAndSet(false, true)) {
            try {
                pumper.execute(() -> {
                    pumpScheduled.set(false);
                    pump();
                });
            } catch (RejectedExecutionException e) {
                pumpScheduled.set(false); // shutting down
            }
        }
    }

    private void pumpLocked() {
        while (sink.isConnected()) {
            OutboxEntry entry;
            synchronized (this) {
                if (pending.isEmpty() || inflight.size() >= windowMessages
                        || (inflightBytes > 0 && inflightBytes + pending.firstEntry().getValue().payloadBytes()
                                > windowBytes)) {
                    return;
                }
                entry = pending.pollFirstEntry().getValue();
                inflight.put(entry.sequence(), entry);
                inflightBytes += entry.payloadBytes();
            }
            if (!publish(entry)) {
                return;
            }
        }
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized int inflightCount() {
        return inflight.size();
    }

    private boolean publish(OutboxEntry entry) {
        byte[] payload;
        try {
            payload = outbox.read(entry);
        } catch (NoSuchFileException e) {
            forget(entry); // acknowledged by an earlier publish of the same entry meanwhile
            return true;
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot read the outbox file " + entry.file() + "; it stays for the next replay: "
                    + e);
            giveBack(entry);
            return false;
        }
        try {
            sink.publish(entry.topic(), payload, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acknowledged(entry);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.log(Level.DEBUG, "Publish of " + entry + " failed, kept for the next replay: " + failure);
                    giveBack(entry);
                }
            });
            return true;
        } catch (MqttException e) {
            // not connected, or Paho's own in-flight limit: the entry waits for the next acknowledgement or replay
            LOG.log(Level.DEBUG, "Publish of " + entry + " deferred: " + e.getMessage());
            giveBack(entry);
            return false;
        }
    }

    private void acknowledged(OutboxEntry entry) {
        outbox.remove(entry);
        forget(entry);
        if (pendingCount() > 0) {
            pumpSoon();
        }
    }

    private synchronized void forget(OutboxEntry entry) {
        if (inflight.remove(entry.sequence()) != null) {
            inflightBytes -= entry.payloadBytes();
        }
        pending.remove(entry.sequence());
    }

    private synchronized void giveBack(OutboxEntry entry) {
        if (inflight.remove(entry.sequence()) != null) {
            inflightBytes -= entry.payloadBytes();
            if (Files.exists(entry.file())) {
                pending.put(entry.sequence(), entry);
            }
        }
    }
}

package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * Where every inbound message enters the runtime. Nothing acts on a message before it passed
 * {@link PeerSecurity#verify} (or {@link PeerSecurity#open} for capsules); refused messages are counted by reason
 * and logged, and a handler that fails is logged without stopping the peer. Handlers are chosen by control message
 * type and capsule kind.
 *
 * <p>A message from a sender whose keys are not known yet is held, not refused: a peer that restarts is handed the
 * capsules its broker queued for it before the senders' (retained) announcements, and they must not be lost. Up to
 * {@value #MAX_HELD} such messages wait for {@link #senderKnown}; beyond that the oldest is refused as
 * {@link RejectionReason#UNKNOWN_SENDER}. They are kept in {@link HeldMessages} as well, so that a crash before the
 * sender's announcement arrives loses none: the next run's inbox takes them up again. A held message is released
 * once handled, so a crash in between hands it over twice (at least once, as QoS 1 delivers).
 */
public final class Inbox implements PeerMessaging.InboundHandler {

    /** Acts on a verified control message. */
    @FunctionalInterface
    public interface ControlHandler {
        void handle(SignedControlMessage message) throws Exception;
    }

    /** Acts on an opened capsule. */
    @FunctionalInterface
    public interface CapsuleHandler {
        void handle(PeerId sender, Capsule capsule, long sealedBytes) throws Exception;
    }

    /** Messages from not yet known senders held at most. */
    static final int MAX_HELD = 1000;

    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());
    private static final System.Logger CAPSULES = System.getLogger(CapsuleSender.CAPSULE_LOG);

    private final PeerSecurity security;
    private final HeldMessages store;
    private final RejectionTally rejections = new RejectionTally();
    private final Map<String, ControlHandler> controlHandlers = new ConcurrentHashMap<>();
    private final Map<String, CapsuleHandler> capsuleHandlers = new ConcurrentHashMap<>();
    private volatile CapsuleHandler otherCapsules;
    /** Messages whose sender's keys are not known yet, oldest first. */
    private final Deque<HeldMessages.Held> held = new ArrayDeque<>();

    /** An inbox that holds messages of unknown senders in memory only. */
    public Inbox(PeerSecurity security) {
        this(security, HeldMessages.IN_MEMORY);
    }

    /** An inbox that keeps held messages in {@code store} and takes up what an earlier run kept there. */
    public Inbox(PeerSecurity security, HeldMessages store) {
        this.security = Objects.requireNonNull(security, "security");
        this.store = Objects.requireNonNull(store, "store");
        List<HeldMessages.Held> before = store.keptBefore();
        before.forEach(this::addHeld);
        if (!before.isEmpty()) {
            LOG.log(Level.INFO, "{0} messages held by an earlier run wait for the keys of their senders",
                    String.valueOf(before.size()));
        }
    }

    /** Routes verified control messages of {@code type} to {@code handler}. */
    public void onControl(String type, ControlHandler handler) {
        controlHandlers.put(type, handler);
    }

    /** Routes opened capsules of {@code kind} to {@code handler}. */
    public void onCapsule(String kind, CapsuleHandler handler) {
        capsuleHandlers.put(kind, handler);
    }

    /** Routes opened capsules of every kind that no {@link #onCapsule} handler claims to {@code handler}. */
    public void onOtherCapsules(CapsuleHandler handler) {
        otherCapsules = handler;
    }

    /** Whether a handler of its own claims capsules of {@code kind}. */
    public boolean claims(String kind) {
        return capsuleHandlers.containsKey(kind);
    }

    public RejectionTally rejections() {
        return rejections;
    }

    /** Messages waiting for their sender's keys. */
    public int heldMessages() {
        synchronized (held) {
            return held.size();
        }
    }

    /** The keys of {@code sender} are known now: the messages held for them are handled (on the calling thread). */
    public void senderKnown(PeerId sender) {
        List<HeldMessages.Held> ready = new ArrayList<>();
        synchronized (held) {
            for (Iterator<HeldMessages.Held> it = held.iterator(); it.hasNext();) {
                HeldMessages.Held message = it.next();
                if (message.message().sender().equals(sender)) {
                    ready.add(message);
                    it.remove();
                }
            }
        }
        if (!ready.isEmpty()) {
            LOG.log(Level.INFO, "handling {0} messages of {1} held until its keys were known", ready.size(),
                    sender.shortForm());
        }
        for (HeldMessages.Held message : ready) {
            received(message.message());
            release(message);
        }
    }

    /** Holds a message until its sender is known, in memory and in the store. */
    private void hold(Outbound message) {
        String key = null;
        try {
            key = store.keep(message);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not keep a message of " + message.sender().shortForm() + " on disk ("
                    + e.getMessage() + "); it waits for the keys of its sender in memory only");
        }
        LOG.log(Level.DEBUG, "holding a message of {0} until its keys are known", message.sender().shortForm());
        addHeld(new HeldMessages.Held(key, message));
    }

    /** Adds to the held messages; refuses the oldest held one when full. */
    private void addHeld(HeldMessages.Held message) {
        HeldMessages.Held dropped = null;
        synchronized (held) {
            if (held.size() >= MAX_HELD) {
                dropped = held.removeFirst();
            }
            held.addLast(message);
        }
        if (dropped != null) {
            release(dropped);
            rejections.count(RejectionReason.UNKNOWN_SENDER);
            LOG.log(Level.WARNING, "refused a message from {0}: its keys never became known while {1} other messages"
                    + " waited", dropped.message().sender().shortForm(), String.valueOf(MAX_HELD));
        }
    }

    private void release(HeldMessages.Held message) {
        if (message.key() != null) {
            store.release(message.key());
        }
    }

    private boolean addressedToSelf(Outbound message) {
        PeerId self = security.self();
        return message instanceof SealedCapsule sealed ? sealed.recipients().contains(self)
                : message instanceof SignedControlMessage control && self.equals(control.recipient());
    }

    @Override
    public void received(Outbound message) {
        if (message.sender().equals(security.self()) && !addressedToSelf(message)) {
            return; // our own broadcast, echoed by the broker
        }
        try {
            if (message instanceof SealedCapsule sealed) {
                Capsule capsule = security.open(sealed);
                CAPSULES.log(Level.INFO, "opened capsule {0} ({1}) from {2}", sealed.capsuleId(), capsule.kind(),
                        sealed.sender().shortForm());
                CapsuleHandler handler = capsuleHandlers.getOrDefault(capsule.kind(), otherCapsules);
                if (handler == null) {
                    LOG.log(Level.DEBUG, "no handler for capsule kind {0} from {1}", capsule.kind(),
                            sealed.sender().shortForm());
                    return;
                }
                handler.handle(sealed.sender(), capsule, sealed.ciphertext().length);
            } else if (message instanceof SignedControlMessage control) {
                security.verify(control);
                ControlHandler handler = controlHandlers.get(control.type());
                if (handler != null) {
                    handler.handle(control);
                }
            } else if (message instanceof SignedAuditRecord record) {
                security.verify(record);
            }
        } catch (RejectedMessageException rejected) {
            if (rejected.reason() == RejectionReason.UNKNOWN_SENDER) {
                hold(message);
                return;
            }
            rejections.count(rejected.reason());
            // duplicates are expected: QoS1 and the outbox deliver at least once
            Level level = rejected.reason() == RejectionReason.REPLAYED ? Level.DEBUG : Level.WARNING;
            LOG.log(level, "refused a message from {0}: {1}", message.sender().shortForm(), rejected.getMessage());
        } catch (Exception failed) {
            LOG.log(Level.ERROR, "handling a message from " + message.sender().shortForm() + " failed", failed);
        }
    }
}

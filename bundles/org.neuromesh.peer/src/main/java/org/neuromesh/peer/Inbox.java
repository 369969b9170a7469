package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.WireFormat;

/**
 * Where every inbound message enters the runtime. Nothing acts on a message before it passed
 * {@link PeerSecurity#verify} (or {@link PeerSecurity#open} for capsules); refused messages are counted by reason
 * and logged, and a handler that fails is logged without stopping the peer. Handlers are chosen by control message
 * type and capsule kind.
 *
 * <p>A message from a sender whose keys are not known yet is held, not refused: a peer that restarts is handed the
 * capsules its broker queued for it before the senders' (retained) announcements, and they must not be lost. They
 * wait in a {@link HeldMessages} store (on disk for a peer: a crash before the sender's announcement arrives loses
 * none, the next run's inbox takes them up again) for {@link #senderKnown}, within {@link HoldingLimits}: anyone
 * who can publish can claim any sender, so what is held is bounded per claimed sender and in all, by count and by
 * bytes, when it arrives and when an earlier run's messages are taken up ({@link HeldMessageQueue} says who gives
 * way). What does not fit is refused as {@link RejectionReason#UNKNOWN_SENDER}. Memory holds only what each held
 * message is, not its bytes. A held message is released once handled, so a crash in between hands it over twice
 * (at least once, as QoS 1 delivers).
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

    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());
    private static final System.Logger CAPSULES = System.getLogger(CapsuleSender.CAPSULE_LOG);

    private final PeerSecurity security;
    private final HeldMessages store;
    private final WireFormat format;
    private final RejectionCounts rejections = new RejectionCounts();
    private final TrafficCounter opened = new TrafficCounter();
    private final MessageFlowRecorder flows = new MessageFlowRecorder(java.time.Clock.systemUTC());
    private final Map<String, ControlHandler> controlHandlers = new ConcurrentHashMap<>();
    private final Map<String, CapsuleHandler> capsuleHandlers = new ConcurrentHashMap<>();
    private volatile CapsuleHandler otherCapsules;
    /** Messages whose sender's keys are not known yet; guarded by itself. */
    private final HeldMessageQueue held;
    /** Messages refused for want of room to hold them, for logging at 1, 10, 100, ... */
    private long refusedHolding;

    /** An inbox that holds messages of unknown senders in memory, within the default limits. */
    public Inbox(PeerSecurity security) {
        this(security, new HeldInMemory(), HoldingLimits.DEFAULTS,
                new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES));
    }

    /**
     * An inbox that keeps held messages in {@code store}, within {@code limits}, and takes up what an earlier run
     * kept there (as far as the limits allow: the rest is released and counted as refused).
     *
     * @param format encodes messages for the store and decodes them back
     */
    public Inbox(PeerSecurity security, HeldMessages store, HoldingLimits limits, WireFormat format) {
        this.security = Objects.requireNonNull(security, "security");
        this.store = Objects.requireNonNull(store, "store");
        this.format = Objects.requireNonNull(format, "format");
        this.held = new HeldMessageQueue(Objects.requireNonNull(limits, "limits"));
        int takenUp = 0;
        for (HeldMessages.Held before : store.keptBefore()) {
            if (admit(before.sender(), before.bytes(), () -> before)) {
                takenUp++;
            } else {
                store.release(before.key());
            }
        }
        if (takenUp > 0) {
            LOG.log(Level.INFO, "{0} messages held by an earlier run wait for the keys of their senders",
                    String.valueOf(takenUp));
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

    public RejectionCounts rejections() {
        return rejections;
    }

    /** Capsules verified and opened so far. */
    public long capsulesOpened() {
        return opened.capsules();
    }

    /** Sealed bytes of the capsules opened so far. */
    public long bytesOpened() {
        return opened.bytes();
    }

    /** Messages waiting for their sender's keys. */
    public int heldMessages() {
        synchronized (held) {
            return held.count();
        }
    }

    /** Bytes of the messages waiting for their sender's keys. */
    public long heldBytes() {
        synchronized (held) {
            return held.bytes();
        }
    }

    /** The keys of {@code sender} are known now: the messages held for them are handled (on the calling thread). */
    public void senderKnown(PeerId sender) {
        List<HeldMessages.Held> ready;
        synchronized (held) {
            ready = held.takeAll(sender);
        }
        if (!ready.isEmpty()) {
            LOG.log(Level.INFO, "handling {0} messages of {1} held until its keys were known", ready.size(),
                    sender.shortForm());
        }
        for (HeldMessages.Held message : ready) {
            Outbound read;
            try {
                read = format.decode(store.read(message.key()));
            } catch (IOException | RejectedMessageException e) {
                rejections.count(RejectionReason.MALFORMED);
                LOG.log(Level.WARNING, "a message of " + sender.shortForm() + " held as " + message.key()
                        + " cannot be read back: " + e.getMessage());
                store.release(message.key());
                continue;
            }
            received(read);
            store.release(message.key());
        }
    }

    /** Holds a message until its sender is known, if there is room for it. */
    private void hold(Outbound message) {
        byte[] encoded;
        try {
            encoded = format.encode(message);
        } catch (IOException e) {
            refuseHolding(message.sender(), e.getMessage());
            return;
        }
        LOG.log(Level.DEBUG, "holding a message of {0} until its keys are known", message.sender().shortForm());
        admit(message.sender(), encoded.length, () -> store.keep(message.sender(), encoded));
    }

    /** A message to hold, kept in the store once there is room for it. */
    @FunctionalInterface
    private interface Keeping {
        HeldMessages.Held keep() throws IOException;
    }

    /**
     * Holds a message of {@code bytes} claiming {@code sender} if the limits let it in, giving up the messages the
     * queue chooses; what is given up is released from the store, and what is given up or refused is counted.
     *
     * @return whether it is held
     */
    private boolean admit(PeerId sender, long bytes, Keeping keeping) {
        List<HeldMessages.Held> givenUp;
        HeldMessages.Held kept;
        synchronized (held) {
            Optional<List<HeldMessages.Held>> room = held.makeRoom(sender, bytes);
            if (room.isEmpty()) {
                givenUp = List.of();
                kept = null;
            } else {
                givenUp = room.get();
                try {
                    kept = keeping.keep();
                    held.add(kept);
                } catch (IOException e) {
                    kept = null;
                    LOG.log(Level.WARNING, "could not keep a message of " + sender.shortForm() + ": "
                            + e.getMessage());
                }
            }
        }
        for (HeldMessages.Held message : givenUp) {
            store.release(message.key());
            refuseHolding(message.sender(), "a bigger share of the held messages than any other sender");
        }
        if (kept == null) {
            refuseHolding(sender, "no room to hold it within the limits");
            return false;
        }
        return true;
    }

    private void refuseHolding(PeerId sender, String why) {
        rejections.count(RejectionReason.UNKNOWN_SENDER);
        long refused;
        synchronized (held) {
            refused = ++refusedHolding;
        }
        if (worthALogLine(refused)) {
            LOG.log(Level.WARNING, "refused a message claiming to be from {0}, whose keys are not known: {1} ({2}"
                    + " refused so far)", sender.shortForm(), why, String.valueOf(refused));
        }
    }

    /**
     * Whether the {@code n}th refusal of one reason gets a log line: the first ten, then the 100th, 1,000th, ...
     * A flood of refusals must not flood the log; the counts are in {@code neuromesh:peers}.
     */
    static boolean worthALogLine(long n) {
        return n <= 10 || Long.toString(n).matches("10*");
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
                opened.count(sealed.ciphertext().length);
                CAPSULES.log(Level.INFO, "opened capsule {0} ({1}) from {2}", sealed.capsuleId(), capsule.kind(),
                        sealed.sender().shortForm());
                flows.record(false, sealed.sender(), capsule.kind(), sealed.ciphertext().length);
                CapsuleHandler handler = capsuleHandlers.getOrDefault(capsule.kind(), otherCapsules);
                if (handler == null) {
                    LOG.log(Level.DEBUG, "no handler for capsule kind {0} from {1}", capsule.kind(),
                            sealed.sender().shortForm());
                    return;
                }
                handler.handle(sealed.sender(), capsule, sealed.ciphertext().length);
            } else if (message instanceof SignedControlMessage control) {
                security.verify(control);
                flows.record(false, control.sender(), control.type(), 0);
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
            long refused = rejections.get(rejected.reason());
            // duplicates are expected: QoS1 and the outbox deliver at least once
            Level level = rejected.reason() == RejectionReason.REPLAYED ? Level.DEBUG : Level.WARNING;
            if (level == Level.DEBUG || worthALogLine(refused)) {
                LOG.log(level, "refused a message from {0}: {1} ({2} refused as {3} so far)",
                        message.sender().shortForm(), rejected.getMessage(), String.valueOf(refused),
                        rejected.reason());
            }
        } catch (Exception failed) {
            LOG.log(Level.ERROR, "handling a message from " + message.sender().shortForm() + " failed", failed);
        }
    }

    /** The messages that verified since the last drain, for views that show them move. */
    public MessageFlowRecorder flows() {
        return flows;
    }
}

package org.neuromesh.peer;

import java.lang.System.Logger.Level;
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
    private final RejectionTally rejections = new RejectionTally();
    private final Map<String, ControlHandler> controlHandlers = new ConcurrentHashMap<>();
    private final Map<String, CapsuleHandler> capsuleHandlers = new ConcurrentHashMap<>();
    private volatile CapsuleHandler otherCapsules;

    public Inbox(PeerSecurity security) {
        this.security = Objects.requireNonNull(security, "security");
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
            rejections.count(rejected.reason());
            // duplicates are expected: QoS1 and the outbox deliver at least once
            Level level = rejected.reason() == RejectionReason.REPLAYED ? Level.DEBUG : Level.WARNING;
            LOG.log(level, "refused a message from {0}: {1}", message.sender().shortForm(), rejected.getMessage());
        } catch (Exception failed) {
            LOG.log(Level.ERROR, "handling a message from " + message.sender().shortForm() + " failed", failed);
        }
    }
}

package org.neuromesh.discovery.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.WireFormat;

/**
 * Checks every payload that arrives on a subscribed topic: it must decode ({@link WireFormat#decode}), be of a kind
 * that belongs on its topic, and come from the peer the topic names. Accepted messages go to discovery or to the
 * inbound handlers; everything else is counted in {@link RejectionCounts} and logged (rate-limited), and the
 * transport carries on. Signatures of messages for the handlers are not checked here: that is the receiver's job.
 */
final class InboundRouter {

    static final String PING_TYPE = "peer.ping";

    private static final Logger LOG = System.getLogger(InboundRouter.class.getName());
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PeerId self;
    private final Topics topics;
    private final WireFormat format;
    private final RejectionCounts counters;
    private final AnnouncementSink discovery;
    private final BiConsumer<Outbound, Runnable> handlers;
    private final RateLimitedLog log;

    /**
     * @param discovery where presence, heartbeats and pings go, or {@code null} if this transport has no discovery
     */
    InboundRouter(PeerId self, Topics topics, WireFormat format, RejectionCounts counters,
            AnnouncementSink discovery, BiConsumer<Outbound, Runnable> handlers) {
        this.self = self;
        this.topics = topics;
        this.format = format;
        this.counters = counters;
        this.discovery = discovery;
        this.handlers = handlers;
        this.log = new RateLimitedLog(LOG, LOG_INTERVAL_NANOS, System::nanoTime);
    }

    /**
     * Handles one arriving MQTT message and acknowledges it: at once if it was refused or went to discovery, else
     * once the handlers took it (which {@code handlers} is given {@code acknowledge} for). Never throws.
     */
    void route(String topic, byte[] payload, Runnable acknowledge) {
        boolean handedOn = false;
        try {
            handedOn = dispatch(topic, payload, acknowledge);
        } catch (Rejection rejection) {
            reject(topic, payload, rejection.reason, rejection.reason + ": " + rejection.getMessage());
        } catch (RejectedMessageException e) {
            // its message starts with the security reason, e.g. "MALFORMED: truncated at ..."
            reject(topic, payload, e.reason(), e.getMessage());
        } finally {
            if (!handedOn) {
                acknowledge.run();
            }
        }
    }

    /** Returns whether the message went to the handlers, with the duty to acknowledge it. */
    private boolean dispatch(String topic, byte[] payload, Runnable acknowledge) throws Rejection,
            RejectedMessageException {
        Optional<Topics.Address> parsed = topics.parse(topic);
        if (parsed.isEmpty()) {
            throw new Rejection(RejectionReason.UNEXPECTED_TOPIC, "not a topic of the layout under " + topics.root());
        }
        Topics.Address address = parsed.get();
        Outbound message = format.decode(payload);
        switch (address.kind()) {
            case PRESENCE -> {
                SignedControlMessage control = control(message, address, PresenceBody.TYPE,
                        PresenceBody.OFFLINE_TYPE);
                if (!control.sender().equals(self) && discovery != null) {
                    discovery.presence(control);
                }
            }
            case HEARTBEAT -> {
                SignedControlMessage control = control(message, address, HeartbeatBody.TYPE, null);
                if (!control.sender().equals(self) && discovery != null) {
                    discovery.heartbeat(control);
                }
            }
            case PING -> {
                if (!self.equals(address.peer())) {
                    throw new Rejection(RejectionReason.UNEXPECTED_TOPIC, "another peer's ping topic");
                }
                SignedControlMessage control = control(message, address, PING_TYPE, null);
                if (discovery != null) {
                    discovery.ping(control);
                }
            }
            case INBOX -> {
                if (!self.equals(address.peer())) {
                    throw new Rejection(RejectionReason.UNEXPECTED_TOPIC, "another peer's inbox");
                }
                checkAddressedHere(message);
                handlers.accept(message, acknowledge);
                return true;
            }
            case BROADCAST -> {
                if (!(message instanceof SignedControlMessage control) || control.recipient() != null) {
                    throw new Rejection(RejectionReason.WRONG_KIND,
                            describe(message) + " on broadcast (only control messages without a recipient)");
                }
                if (!control.sender().equals(self)) {
                    handlers.accept(message, acknowledge);
                    return true;
                }
            }
            case AUDIT -> {
                if (!(message instanceof SignedAuditRecord)) {
                    throw new Rejection(RejectionReason.WRONG_KIND, describe(message) + " on the audit topic");
                }
                if (!message.sender().equals(self)) {
                    handlers.accept(message, acknowledge);
                    return true;
                }
            }
        }
        return false;
    }

    private SignedControlMessage control(Outbound message, Topics.Address address, String type,
            String otherType) throws Rejection {
        if (!(message instanceof SignedControlMessage control)
                || !(control.type().equals(type) || control.type().equals(otherType)) || control.recipient() != null
                        && address.kind() != Topics.Kind.PING) {
            throw new Rejection(RejectionReason.WRONG_KIND, describe(message) + " on a "
                    + address.kind().level() + " topic");
        }
        if (!control.sender().equals(address.peer())) {
            throw new Rejection(RejectionReason.SENDER_MISMATCH, "sent by " + control.sender().shortForm()
                    + " on the topic of " + address.peer().shortForm());
        }
        return control;
    }

    private void checkAddressedHere(Outbound message) throws Rejection {
        boolean here;
        if (message instanceof SealedCapsule capsule) {
            here = capsule.recipients().contains(self);
        } else if (message instanceof SignedControlMessage control) {
            here = self.equals(control.recipient());
        } else {
            throw new Rejection(RejectionReason.WRONG_KIND, describe(message) + " on an inbox");
        }
        if (!here) {
            throw new Rejection(RejectionReason.NOT_FOR_ME, describe(message) + " is not addressed to "
                    + self.shortForm());
        }
    }

    private static String describe(Outbound message) {
        if (message instanceof SignedControlMessage control) {
            return "control message '" + control.type() + "' from " + control.sender().shortForm();
        } else if (message instanceof SealedCapsule capsule) {
            return "capsule " + capsule.capsuleId() + " from " + capsule.sender().shortForm();
        }
        return "audit record from " + message.sender().shortForm();
    }

    private void reject(String topic, byte[] payload, RejectionReason reason, String detail) {
        counters.count(reason);
        log.log(Level.WARNING, reason, "Dropped a message on " + topic + " (" + (payload == null ? 0 : payload.length)
                + " bytes): " + detail);
    }

    /** A transport-level rejection. */
    private static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RejectionReason reason;

        Rejection(RejectionReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}

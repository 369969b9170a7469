package org.neuromesh.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.api.security.SealingException;

/**
 * {@link PeerSecurity} with Ed25519 signatures, X25519 + HKDF-SHA256 + AES-256-GCM sealing and a bounded replay
 * memory. Plain Java; thread-safe.
 *
 * <p>Checks on every inbound message, in this order: {@link RejectionReason#UNKNOWN_SENDER},
 * {@link RejectionReason#FORGED_SIGNATURE}, {@link RejectionReason#NOT_FOR_ME}, {@link RejectionReason#STALE},
 * then (for {@link #open}) decryption, and last {@link RejectionReason#REPLAYED}. A message is remembered only once
 * it has passed every check, so a forged or unreadable copy cannot block the genuine message.
 *
 * <p>Capsules are to be passed to {@link #open}, not to {@link #verify} first: both accept a capsule once.
 */
public final class MessageSecurity implements PeerSecurity {

    private static final String CONTROL = "control";
    private static final String CAPSULE = "capsule";
    private static final String AUDIT = "audit";

    private final PeerIdentity identity;
    private final Clock clock;
    private final TimeWindows windows;
    private final SecureRandom random;
    private final CapsuleSealer sealer;
    private final CapsuleOpener opener;
    private final ReplayGuard replays;
    private final Map<PeerId, PeerKeys> trusted = new ConcurrentHashMap<>();

    /** Security for {@code identity}, reading time from {@code clock}, remembering accepted messages in memory only. */
    public MessageSecurity(PeerIdentity identity, Clock clock, TimeWindows windows, SecurityLimits limits) {
        this(identity, clock, windows, limits, ReplayJournal.NONE);
    }

    /**
     * Security for {@code identity}, reading time from {@code clock}, keeping the messages it accepted in
     * {@code journal}: a message accepted before a restart is refused after it.
     */
    public MessageSecurity(PeerIdentity identity, Clock clock, TimeWindows windows, SecurityLimits limits,
            ReplayJournal journal) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(limits, "limits");
        this.random = new SecureRandom();
        this.sealer = new CapsuleSealer(identity, random, limits.maxCapsuleBytes());
        this.opener = new CapsuleOpener(identity, limits.maxCapsuleBytes());
        this.replays = new ReplayGuard(limits.maxRememberedMessages(), limits.maxRememberedPerSender(), journal,
                clock.instant());
        trusted.put(identity.id(), identity.peerKeys());
    }

    @Override
    public PeerId self() {
        return identity.id();
    }

    @Override
    public PublicKeys publicKeys() {
        return identity.publicKeys();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Keys of a known peer never change: other keys for a known id are refused too. Take the keys only from an
     * announcement whose signature they verify ({@link PeerKeys#fromSignedAnnouncement}).
     *
     * @throws RejectedMessageException {@link RejectionReason#FORGED_SIGNATURE} if the keys' fingerprint is not
     *         {@code peer} or the peer is known with other keys, {@link RejectionReason#MALFORMED} if a key does
     *         not decode
     */
    @Override
    public void trust(PeerId peer, PublicKeys keys) throws RejectedMessageException {
        Objects.requireNonNull(peer, "peer");
        PeerKeys decoded = PeerKeys.of(Objects.requireNonNull(keys, "keys"));
        decoded.requireId(peer);
        PeerKeys known = trusted.putIfAbsent(peer, decoded);
        if (known != null && !known.equals(decoded)) {
            throw new RejectedMessageException(RejectionReason.FORGED_SIGNATURE, "peer " + peer.shortForm()
                    + "... is already known with other keys; the keys of a peer never change");
        }
    }

    @Override
    public Optional<PublicKeys> keysOf(PeerId peer) {
        return Optional.ofNullable(trusted.get(peer)).map(PeerKeys::publicKeys);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Recipients are sealed to in the given order; repeated ones once.
     */
    @Override
    public SealedCapsule seal(Capsule capsule, Collection<PeerId> recipients) throws SealingException {
        Objects.requireNonNull(capsule, "capsule");
        List<PeerId> distinct = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(recipients, "recipients")));
        if (distinct.isEmpty()) {
            throw new SealingException("capsule " + capsule.id() + " has no recipients to seal it to");
        }
        if (distinct.size() > WireFormat.MAX_RECIPIENTS) {
            throw new SealingException("capsule " + capsule.id() + " has " + distinct.size()
                    + " recipients, more than " + WireFormat.MAX_RECIPIENTS);
        }
        List<PeerKeys> keys = new ArrayList<>(distinct.size());
        List<String> unknown = new ArrayList<>();
        for (PeerId recipient : distinct) {
            PeerKeys known = trusted.get(recipient);
            if (known == null) {
                unknown.add(recipient.value());
            } else {
                keys.add(known);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SealingException("capsule " + capsule.id() + " cannot be sealed to peers whose keys are unknown: "
                    + String.join(", ", unknown));
        }
        return sealer.seal(capsule, keys, clock.instant());
    }

    @Override
    public Capsule open(SealedCapsule sealed) throws RejectedMessageException {
        Instant now = clock.instant();
        ReplayCheck replay = check(sealed, now);
        replay.refuseIfRemembered(now);
        Capsule capsule = opener.open(sealed);
        replay.remember(now);
        return capsule;
    }

    @Override
    public SignedControlMessage sign(String type, PeerId recipientOrNull, byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        long nonce = random.nextLong();
        Instant sentAt = clock.instant();
        byte[] signature = identity.sign(WireFormat.controlContent(type, identity.id(), recipientOrNull, content,
                nonce, sentAt));
        return new SignedControlMessage(type, identity.id(), recipientOrNull, content, nonce, sentAt, signature);
    }

    @Override
    public SignedAuditRecord sign(AuditRecord record) {
        if (!record.actor().equals(identity.id())) {
            throw new IllegalArgumentException("audit record " + record.id() + " names actor "
                    + record.actor().shortForm() + "..., but this peer is " + identity.id().shortForm()
                    + "...: a peer signs only its own records");
        }
        return new SignedAuditRecord(record, identity.sign(WireFormat.auditContent(record)));
    }

    @Override
    public void verify(Outbound message) throws RejectedMessageException {
        Instant now = clock.instant();
        ReplayCheck replay = check(message, now);
        replay.remember(now);
    }

    @Override
    public void verifySignature(Outbound message) throws RejectedMessageException {
        keysOfSender(message).requireSignature(message);
    }

    /** How many accepted messages the replay memory holds now. */
    public int rememberedMessages() {
        return replays.size();
    }

    /** Writes out what the replay journal holds; the security refuses nothing more after this than before. */
    public void close() {
        replays.close();
    }

    /** Every check but the replay memory; returns what to remember once the message is accepted. */
    private ReplayCheck check(Outbound message, Instant now) throws RejectedMessageException {
        keysOfSender(message).requireSignature(message);
        if (message instanceof SealedCapsule capsule) {
            if (!capsule.recipients().contains(identity.id())) {
                throw notForMe(message, "is sealed to " + capsule.recipients().size() + " other peer(s)");
            }
            requireOutboxWindow(message, capsule.sealedAt(), "sealed", now);
            return new ReplayCheck(message, CAPSULE + ':' + capsule.capsuleId(),
                    capsule.sealedAt().plus(windows.capsule()));
        } else if (message instanceof SignedControlMessage control) {
            if (control.recipient() != null && !control.recipient().equals(identity.id())) {
                throw notForMe(message, "is addressed to " + control.recipient().shortForm() + "...");
            }
            Duration age = Duration.between(control.sentAt(), now);
            if (age.compareTo(windows.control()) > 0 || age.negated().compareTo(windows.future()) > 0) {
                throw stale(message, "was sent at " + control.sentAt() + ", " + describe(age) + "; accepted are "
                        + windows.control().toSeconds() + " s in the past to " + windows.future().toSeconds()
                        + " s in the future");
            }
            return new ReplayCheck(message, CONTROL + ':' + control.nonce(),
                    control.sentAt().plus(windows.control()));
        } else if (message instanceof SignedAuditRecord audit) {
            AuditRecord record = audit.record();
            requireOutboxWindow(message, record.timestamp(), "recorded", now);
            return new ReplayCheck(message, AUDIT + ':' + record.id(),
                    record.timestamp().plus(windows.capsule()));
        }
        throw new IllegalArgumentException("not an outbound message: " + message);
    }

    private void requireOutboxWindow(Outbound message, Instant at, String verb, Instant now)
            throws RejectedMessageException {
        Duration age = Duration.between(at, now);
        if (age.compareTo(windows.capsule()) > 0 || age.negated().compareTo(windows.future()) > 0) {
            throw stale(message, "was " + verb + " at " + at + ", " + describe(age) + "; accepted are "
                    + windows.capsule().toSeconds() + " s in the past to " + windows.future().toSeconds()
                    + " s in the future");
        }
    }

    private PeerKeys keysOfSender(Outbound message) throws RejectedMessageException {
        PeerKeys keys = trusted.get(message.sender());
        if (keys == null) {
            throw new RejectedMessageException(RejectionReason.UNKNOWN_SENDER, PeerKeys.describe(message) + " from "
                    + message.sender().shortForm() + "...: this peer does not know the sender's keys");
        }
        return keys;
    }

    private static RejectedMessageException notForMe(Outbound message, String detail) {
        return new RejectedMessageException(RejectionReason.NOT_FOR_ME, PeerKeys.describe(message) + " from "
                + message.sender().shortForm() + "... " + detail);
    }

    private static RejectedMessageException stale(Outbound message, String detail) {
        return new RejectedMessageException(RejectionReason.STALE, PeerKeys.describe(message) + " from "
                + message.sender().shortForm() + "... " + detail);
    }

    private static String describe(Duration age) {
        return age.isNegative() ? age.negated().toSeconds() + " s in the future" : age.toSeconds() + " s ago";
    }

    /** The replay-memory entry of a message that passed the other checks. */
    private final class ReplayCheck {
        private final Outbound message;
        private final String key;
        private final Instant expiresAt;

        ReplayCheck(Outbound message, String key, Instant expiresAt) {
            this.message = message;
            this.key = key;
            this.expiresAt = expiresAt;
        }

        void refuseIfRemembered(Instant now) throws RejectedMessageException {
            if (replays.remembers(message.sender().value(), key, now)) {
                throw replayed();
            }
        }

        void remember(Instant now) throws RejectedMessageException {
            switch (replays.admit(message.sender().value(), key, expiresAt, now)) {
                case ACCEPTED:
                    return;
                case REPLAYED:
                    throw replayed();
                default:
                    throw stale(message, "is older than this peer's replay memory reaches back now for its sender"
                            + " (it keeps " + replays.perSender() + " messages of one sender, " + replays.capacity()
                            + " in all)");
            }
        }

        private RejectedMessageException replayed() {
            return new RejectedMessageException(RejectionReason.REPLAYED, PeerKeys.describe(message) + " from "
                    + message.sender().shortForm() + "... was accepted before");
        }
    }
}

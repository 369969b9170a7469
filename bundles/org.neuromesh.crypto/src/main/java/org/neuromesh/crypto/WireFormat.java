package org.neuromesh.crypto;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * The bytes of an {@link Outbound} message on every transport, and the exact bytes its signature covers.
 *
 * <p>Layout, big-endian: magic {@code 'N' 'M'}, format version, kind (1 sealed capsule, 2 control message,
 * 3 audit record), the kind's fields, and last the signature (4-byte length + bytes). The signature covers
 * everything before it, so {@link #signedContent} is simply the message without its last field. Texts are a
 * 2-byte length + UTF-8, byte strings a 4-byte length + bytes, instants 8-byte seconds + 4-byte nanoseconds.
 *
 * <p>Decoding checks every length against what is left and refuses trailing bytes: garbage, truncated or
 * oversized input is rejected with {@link RejectionReason#MALFORMED} or {@link RejectionReason#OVERSIZED},
 * never with another exception.
 */
public final class WireFormat {

    static final int MAGIC_0 = 'N';
    static final int MAGIC_1 = 'M';
    /** Version of this layout; decoders refuse others. */
    public static final int VERSION = 1;
    /** Longest text field (ids, types, subjects) in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 1024;
    /** Most recipients one capsule may name. */
    public static final int MAX_RECIPIENTS = 1024;
    /** Default size limit of one encoded message: 8 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 << 20;

    private static final int CAPSULE = 1;
    private static final int CONTROL = 2;
    private static final int AUDIT = 3;

    private final int maxMessageBytes;

    /** A format that encodes and accepts messages of at most {@code maxMessageBytes}. */
    public WireFormat(int maxMessageBytes) {
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("message size limit must be at least 1024 bytes, got "
                    + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The size limit of one encoded message. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Encodes a message for a transport.
     *
     * @throws IOException if the encoded message would exceed the size limit; the message names both sizes
     */
    public byte[] encode(Outbound message) throws IOException {
        WireWriter writer = content(message);
        writer.bytes(message.signature());
        byte[] encoded = writer.toBytes();
        if (encoded.length > maxMessageBytes) {
            throw new IOException("message of " + encoded.length + " bytes exceeds the limit of " + maxMessageBytes
                    + " bytes");
        }
        return encoded;
    }

    /**
     * Decodes a message received from a transport.
     *
     * @throws RejectedMessageException {@link RejectionReason#OVERSIZED} above the size limit,
     *         {@link RejectionReason#MALFORMED} for anything that is not a complete, valid message
     */
    public Outbound decode(byte[] bytes) throws RejectedMessageException {
        if (bytes == null) {
            throw WireReader.malformed("no bytes");
        }
        if (bytes.length > maxMessageBytes) {
            throw new RejectedMessageException(RejectionReason.OVERSIZED,
                    "message of " + bytes.length + " bytes exceeds the limit of " + maxMessageBytes + " bytes");
        }
        WireReader reader = new WireReader(bytes);
        if (reader.u8("magic") != MAGIC_0 || reader.u8("magic") != MAGIC_1) {
            throw WireReader.malformed("not a NeuroMesh message (bad magic)");
        }
        int version = reader.u8("version");
        if (version != VERSION) {
            throw WireReader.malformed("format version " + version + " is not supported (this peer reads "
                    + VERSION + ")");
        }
        int kind = reader.u8("kind");
        Outbound message;
        try {
            message = switch (kind) {
                case CAPSULE -> readCapsule(reader);
                case CONTROL -> readControl(reader);
                case AUDIT -> readAudit(reader);
                default -> throw WireReader.malformed("unknown message kind " + kind);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            // the records' own checks: empty signature, bad type, missing id, ...
            throw WireReader.malformed(e.getMessage());
        }
        reader.end();
        return message;
    }

    /** The bytes a message's signature covers. */
    public static byte[] signedContent(Outbound message) {
        return content(message).toBytes();
    }

    /** The bytes the signature of a sealed capsule with these fields covers. */
    public static byte[] capsuleContent(String capsuleId, PeerId sender, List<PeerId> recipients,
            byte[] ciphertext, Instant sealedAt) {
        return capsuleWriter(capsuleId, sender, recipients, ciphertext, sealedAt).toBytes();
    }

    /** The bytes the signature of a control message with these fields covers. */
    public static byte[] controlContent(String type, PeerId sender, PeerId recipient, byte[] body, long nonce,
            Instant sentAt) {
        return controlWriter(type, sender, recipient, body, nonce, sentAt).toBytes();
    }

    /** The bytes the signature of a signed audit record covers. */
    public static byte[] auditContent(AuditRecord record) {
        return auditWriter(record).toBytes();
    }

    private static WireWriter content(Outbound message) {
        if (message instanceof SealedCapsule capsule) {
            return capsuleWriter(capsule.capsuleId(), capsule.sender(), capsule.recipients(), capsule.ciphertext(),
                    capsule.sealedAt());
        } else if (message instanceof SignedControlMessage control) {
            return controlWriter(control.type(), control.sender(), control.recipient(), control.body(),
                    control.nonce(), control.sentAt());
        } else if (message instanceof SignedAuditRecord audit) {
            return auditWriter(audit.record());
        }
        throw new IllegalArgumentException("not an outbound message: " + message);
    }

    private static WireWriter capsuleWriter(String capsuleId, PeerId sender, List<PeerId> recipients,
            byte[] ciphertext, Instant sealedAt) {
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a capsule needs 1 to " + MAX_RECIPIENTS + " recipients, got "
                    + recipients.size());
        }
        WireWriter writer = new WireWriter().header(CAPSULE).text(capsuleId).peer(sender).u16(recipients.size());
        recipients.forEach(writer::peer);
        return writer.instant(sealedAt).bytes(ciphertext);
    }

    private static WireWriter controlWriter(String type, PeerId sender, PeerId recipient, byte[] body, long nonce,
            Instant sentAt) {
        return new WireWriter().header(CONTROL).text(type).peer(sender).optionalPeer(recipient).i64(nonce)
                .instant(sentAt).bytes(body);
    }

    private static WireWriter auditWriter(AuditRecord record) {
        return new WireWriter().header(AUDIT).text(record.id()).instant(record.timestamp()).peer(record.actor())
                .text(record.action().name()).text(record.subject()).optionalPeer(record.counterparty())
                .i64(record.credits()).bytes(record.contentHash());
    }

    private static SealedCapsule readCapsule(WireReader reader) throws RejectedMessageException {
        String capsuleId = reader.text("capsule id");
        PeerId sender = reader.peer("sender");
        int count = reader.u16("recipient count");
        if (count == 0 || count > MAX_RECIPIENTS) {
            throw WireReader.malformed("a capsule needs 1 to " + MAX_RECIPIENTS + " recipients, got " + count);
        }
        List<PeerId> recipients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            recipients.add(reader.peer("recipient " + (i + 1)));
        }
        Instant sealedAt = reader.instant("sealed at");
        byte[] ciphertext = reader.bytes("ciphertext");
        byte[] signature = reader.bytes("signature");
        return new SealedCapsule(capsuleId, sender, recipients, ciphertext, signature, sealedAt);
    }

    private static SignedControlMessage readControl(WireReader reader) throws RejectedMessageException {
        String type = reader.text("type");
        PeerId sender = reader.peer("sender");
        PeerId recipient = reader.optionalPeer("recipient");
        long nonce = reader.i64("nonce");
        Instant sentAt = reader.instant("sent at");
        byte[] body = reader.bytes("body");
        byte[] signature = reader.bytes("signature");
        return new SignedControlMessage(type, sender, recipient, body, nonce, sentAt, signature);
    }

    private static SignedAuditRecord readAudit(WireReader reader) throws RejectedMessageException {
        String id = reader.text("record id");
        Instant timestamp = reader.instant("timestamp");
        PeerId actor = reader.peer("actor");
        String actionName = reader.text("action");
        AuditAction action;
        try {
            action = AuditAction.valueOf(actionName);
        } catch (IllegalArgumentException e) {
            throw WireReader.malformed("unknown audit action '" + actionName + "'");
        }
        String subject = reader.text("subject");
        PeerId counterparty = reader.optionalPeer("counterparty");
        long credits = reader.i64("credits");
        byte[] contentHash = reader.bytes("content hash");
        byte[] signature = reader.bytes("signature");
        return new SignedAuditRecord(new AuditRecord(id, timestamp, actor, action, subject, counterparty, credits,
                contentHash), signature);
    }
}

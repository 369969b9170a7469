package org.neuromesh.crypto;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * The layout of a sealed capsule's ciphertext field, version {@value #VERSION}:
 *
 * <pre>
 * version               1 byte   = 1
 * ephemeral public key  44 bytes   X25519, X.509 encoded; one key pair per capsule
 * recipient count       2 bytes    must equal the sealed capsule's recipient count
 * wrapped content keys  count x 48 bytes, in recipient order: AES-256-GCM(32-byte content key) + 16-byte tag
 * content nonce         12 bytes
 * encrypted content     the rest (at least the 16-byte tag): AES-256-GCM(Deflate(capsule))
 * </pre>
 *
 * Parsing is strict: every length is fixed or checked, so anything else is {@link RejectionReason#MALFORMED}.
 */
final class SealedEnvelope {

    static final int VERSION = 1;
    static final int EPHEMERAL_KEY_BYTES = 44;
    static final int CONTENT_KEY_BYTES = 32;
    static final int TAG_BYTES = 16;
    static final int WRAPPED_KEY_BYTES = CONTENT_KEY_BYTES + TAG_BYTES;
    static final int NONCE_BYTES = 12;

    private final byte[] ephemeralKey;
    private final List<byte[]> wrappedKeys;
    private final byte[] nonce;
    private final byte[] encryptedContent;

    SealedEnvelope(byte[] ephemeralKey, List<byte[]> wrappedKeys, byte[] nonce, byte[] encryptedContent) {
        this.ephemeralKey = requireLength(ephemeralKey, EPHEMERAL_KEY_BYTES, "ephemeral key");
        this.wrappedKeys = List.copyOf(wrappedKeys);
        this.wrappedKeys.forEach(key -> requireLength(key, WRAPPED_KEY_BYTES, "wrapped key"));
        this.nonce = requireLength(nonce, NONCE_BYTES, "nonce");
        if (encryptedContent.length < TAG_BYTES) {
            throw new IllegalArgumentException("encrypted content must hold at least its " + TAG_BYTES
                    + "-byte tag");
        }
        this.encryptedContent = encryptedContent;
    }

    byte[] ephemeralKey() {
        return ephemeralKey;
    }

    byte[] wrappedKey(int recipientIndex) {
        return wrappedKeys.get(recipientIndex);
    }

    byte[] nonce() {
        return nonce;
    }

    byte[] encryptedContent() {
        return encryptedContent;
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(1 + EPHEMERAL_KEY_BYTES + 2 + wrappedKeys.size() * WRAPPED_KEY_BYTES
                + NONCE_BYTES + encryptedContent.length);
        buffer.put((byte) VERSION).put(ephemeralKey).putShort((short) wrappedKeys.size());
        wrappedKeys.forEach(buffer::put);
        return buffer.put(nonce).put(encryptedContent).array();
    }

    /**
     * Reads a ciphertext field.
     *
     * @throws RejectedMessageException {@link RejectionReason#MALFORMED} naming what does not fit
     */
    static SealedEnvelope parse(byte[] bytes, int recipientCount) throws RejectedMessageException {
        int fixed = 1 + EPHEMERAL_KEY_BYTES + 2;
        if (bytes.length < fixed) {
            throw malformed("ciphertext of " + bytes.length + " bytes is shorter than its " + fixed + "-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.get() & 0xFF;
        if (version != VERSION) {
            throw malformed("ciphertext layout version " + version + " is not supported (this peer reads " + VERSION
                    + ")");
        }
        byte[] ephemeralKey = take(buffer, EPHEMERAL_KEY_BYTES);
        int count = buffer.getShort() & 0xFFFF;
        if (count != recipientCount) {
            throw malformed("ciphertext holds " + count + " wrapped keys for " + recipientCount + " recipients");
        }
        long needed = (long) count * WRAPPED_KEY_BYTES + NONCE_BYTES + TAG_BYTES;
        if (buffer.remaining() < needed) {
            throw malformed("ciphertext is truncated: " + buffer.remaining() + " bytes left for " + count
                    + " wrapped keys, the nonce and the content (at least " + needed + ")");
        }
        List<byte[]> wrappedKeys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            wrappedKeys.add(take(buffer, WRAPPED_KEY_BYTES));
        }
        byte[] nonce = take(buffer, NONCE_BYTES);
        byte[] content = take(buffer, buffer.remaining());
        return new SealedEnvelope(ephemeralKey, wrappedKeys, nonce, content);
    }

    private static byte[] take(ByteBuffer buffer, int count) {
        byte[] bytes = new byte[count];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must have " + length + " bytes, has " + bytes.length);
        }
        return bytes;
    }

    private static RejectedMessageException malformed(String detail) {
        return new RejectedMessageException(RejectionReason.MALFORMED, detail);
    }
}

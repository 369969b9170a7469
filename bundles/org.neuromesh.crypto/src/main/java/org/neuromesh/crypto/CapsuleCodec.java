package org.neuromesh.crypto;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.security.RejectedMessageException;

/**
 * The plaintext form of a capsule inside a sealed one: every field, in the wire format's primitives.
 *
 * <p>Layout: version (1 byte, {@value #VERSION}), id, kind, privacy level name (texts), tag count (2 bytes) and
 * the tags in sorted order (texts), the embedding (byte string of big-endian IEEE floats), the payload (byte
 * string), the creation instant. Decoding is strict: lengths checked, no trailing bytes; a problem is a
 * {@link org.neuromesh.api.security.RejectionReason#MALFORMED} rejection naming the field.
 */
final class CapsuleCodec {

    static final int VERSION = 1;
    private static final int MAX_TAGS = 0xFFFF;

    private CapsuleCodec() {
    }

    static byte[] encode(Capsule capsule) {
        Set<String> tags = new TreeSet<>(capsule.tags());
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("capsule " + capsule.id() + " has " + tags.size()
                    + " tags, more than " + MAX_TAGS);
        }
        float[] embedding = capsule.embedding();
        ByteBuffer floats = ByteBuffer.allocate(embedding.length * Float.BYTES);
        floats.asFloatBuffer().put(embedding);
        WireWriter writer = new WireWriter().u8(VERSION).text(capsule.id()).text(capsule.kind())
                .text(capsule.privacy().name()).u16(tags.size());
        tags.forEach(writer::text);
        return writer.bytes(floats.array()).bytes(capsule.payload()).instant(capsule.createdAt()).toBytes();
    }

    static Capsule decode(byte[] bytes) throws RejectedMessageException {
        WireReader reader = new WireReader(bytes);
        int version = reader.u8("capsule version");
        if (version != VERSION) {
            throw WireReader.malformed("capsule layout version " + version + " is not supported (this peer reads "
                    + VERSION + ")");
        }
        String id = reader.text("capsule id");
        String kind = reader.text("capsule kind");
        String privacyName = reader.text("privacy level");
        PrivacyLevel privacy;
        try {
            privacy = PrivacyLevel.valueOf(privacyName);
        } catch (IllegalArgumentException e) {
            throw WireReader.malformed("unknown privacy level"); // decrypted content is never quoted
        }
        int tagCount = reader.u16("tag count");
        List<String> tags = new ArrayList<>(Math.min(tagCount, 64));
        for (int i = 0; i < tagCount; i++) {
            tags.add(reader.text("tag " + (i + 1)));
        }
        if (new HashSet<>(tags).size() != tags.size()) {
            throw WireReader.malformed("capsule " + id + " repeats a tag");
        }
        byte[] embeddingBytes = reader.bytes("embedding");
        if (embeddingBytes.length % Float.BYTES != 0) {
            throw WireReader.malformed("embedding of " + embeddingBytes.length + " bytes is not a whole number of"
                    + " floats");
        }
        float[] embedding = new float[embeddingBytes.length / Float.BYTES];
        ByteBuffer.wrap(embeddingBytes).asFloatBuffer().get(embedding);
        byte[] payload = reader.bytes("payload");
        Instant createdAt = reader.instant("created at");
        reader.end();
        try {
            return new Capsule(id, kind, privacy, Set.copyOf(tags), embedding, payload, createdAt);
        } catch (IllegalArgumentException e) {
            throw WireReader.malformed(e.getMessage());
        }
    }
}

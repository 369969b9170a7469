package org.neuromesh.api.capsule;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A unit of learned memory: an embedding, tags to find it by, and an opaque payload (serialised node state,
 * merged weights, ...).
 *
 * @param id unique id, stable across peers
 * @param kind what the payload holds, e.g. {@code "cluster-delta"} or {@code "node-packet"}
 * @param privacy how far the capsule may travel
 * @param tags labels for retrieval; never personal data
 * @param embedding vector used to index the capsule (may be empty)
 * @param payload the content (copied in and out)
 * @param createdAt when the capsule was made
 */
public record Capsule(String id, String kind, PrivacyLevel privacy, Set<String> tags, float[] embedding,
        byte[] payload, Instant createdAt) {

    public Capsule {
        requireText(id, "id");
        requireText(kind, "kind");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(createdAt, "createdAt");
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        embedding = embedding == null ? new float[0] : embedding.clone();
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("capsule " + what + " must not be empty");
        }
    }
}

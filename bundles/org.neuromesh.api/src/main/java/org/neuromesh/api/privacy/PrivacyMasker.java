package org.neuromesh.api.privacy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds and masks personal data in text. Registered with {@value #NAME_PROPERTY} set to what it masks,
 * e.g. {@code patterns} or {@code names}. Maskers are chained; each sees the previous one's output.
 *
 * <p>Providers must be deterministic for the same input and configuration, thread-safe, and must never log or
 * store the text they are given.
 */
@ConsumerType
public interface PrivacyMasker {

    /** Service property naming the masker. */
    String NAME_PROPERTY = "neuromesh.privacy.masker";

    /** Masks the text; returns it unchanged with no spans if nothing was found. */
    MaskingResult mask(String text);
}

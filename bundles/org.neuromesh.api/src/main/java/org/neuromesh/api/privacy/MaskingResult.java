package org.neuromesh.api.privacy;

import java.util.List;
import java.util.Objects;

/**
 * Text after masking.
 *
 * @param maskedText the text with every found span replaced by a placeholder such as {@code [EMAIL]}
 * @param spans what was masked, with offsets into the original text, in order
 */
public record MaskingResult(String maskedText, List<MaskedSpan> spans) {

    public MaskingResult {
        Objects.requireNonNull(maskedText, "maskedText");
        spans = List.copyOf(spans == null ? List.of() : spans);
    }
}

package org.neuromesh.api.privacy;

import java.util.Objects;

/**
 * A part of the original text that was masked.
 *
 * @param start offset of the first masked character in the original text
 * @param end offset after the last masked character
 * @param category what was found, e.g. {@code email}, {@code phone}, {@code person}
 */
public record MaskedSpan(int start, int end, String category) {

    public MaskedSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("masked span [" + start + ", " + end + ") is empty or negative");
        }
        Objects.requireNonNull(category, "category");
    }
}

package org.neuromesh.api.privacy;

import java.util.Map;
import java.util.Objects;

/**
 * Plain text taken out of a document.
 *
 * @param text the document's text content
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param metadata document metadata (title, author, ...) as text; may itself hold personal data
 */
public record ExtractedDocument(String text, String mediaType, Map<String, String> metadata) {

    public ExtractedDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaType, "mediaType");
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }
}

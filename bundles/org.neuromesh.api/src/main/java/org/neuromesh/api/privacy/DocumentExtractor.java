package org.neuromesh.api.privacy;

import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extracts text from documents. Registered with {@value #NAME_PROPERTY} set to its name, e.g. {@code tika}.
 *
 * <p>Providers must not close the stream, must fail with a {@link DocumentException} (never hang or run out of
 * memory) on broken or hostile input, and must be thread-safe.
 */
@ConsumerType
public interface DocumentExtractor {

    /** Service property naming the extractor. */
    String NAME_PROPERTY = "neuromesh.extractor";

    /** Whether this extractor handles documents of the given media type. */
    boolean supports(String mediaType);

    /**
     * Extracts the text of one document.
     *
     * @param content the document's bytes
     * @param fileName the document's name, used as a hint for its type and in error messages
     * @throws DocumentException if the document cannot be read, naming the file and the cause
     */
    ExtractedDocument extract(InputStream content, String fileName) throws DocumentException;
}

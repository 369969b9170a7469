package org.neuromesh.api.privacy;

import java.io.IOException;

/** A document could not be read: broken, encrypted, unsupported or too large. The message names which. */
public class DocumentException extends IOException {

    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}

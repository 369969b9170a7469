package org.neuromesh.api.peer;

/** Shared argument checks of the message records. */
final class Messages {

    private Messages() {
    }

    static byte[] requireBytes(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return bytes.clone();
    }
}

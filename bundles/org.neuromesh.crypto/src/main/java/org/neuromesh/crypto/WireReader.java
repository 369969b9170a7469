package org.neuromesh.crypto;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * Reads the wire format's primitive fields, checking every length against what is left, so that truncated or
 * garbage input ends in a {@link RejectionReason#MALFORMED} rejection naming the field, never in another exception.
 */
final class WireReader {

    private final byte[] bytes;
    private int position;

    WireReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int u8(String field) throws RejectedMessageException {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    int u16(String field) throws RejectedMessageException {
        need(2, field);
        int value = (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    int i32(String field) throws RejectedMessageException {
        need(4, field);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | bytes[position++] & 0xFF;
        }
        return value;
    }

    long i64(String field) throws RejectedMessageException {
        need(8, field);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | bytes[position++] & 0xFF;
        }
        return value;
    }

    String text(String field) throws RejectedMessageException {
        int length = u16(field + " length");
        if (length > WireFormat.MAX_TEXT_BYTES) {
            throw malformed(field + " declares " + length + " bytes, more than the limit of "
                    + WireFormat.MAX_TEXT_BYTES);
        }
        need(length, field);
        try {
            String value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, position, length)).toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw malformed(field + " is not valid UTF-8");
        }
    }

    PeerId peer(String field) throws RejectedMessageException {
        String value = text(field);
        try {
            return new PeerId(value);
        } catch (IllegalArgumentException e) {
            throw malformed(field + ": " + e.getMessage());
        }
    }

    PeerId optionalPeer(String field) throws RejectedMessageException {
        int present = u8(field + " flag");
        if (present > 1) {
            throw malformed(field + " flag is " + present + ", expected 0 or 1");
        }
        return present == 0 ? null : peer(field);
    }

    byte[] bytes(String field) throws RejectedMessageException {
        int length = i32(field + " length");
        if (length < 0 || length > bytes.length - position) {
            throw malformed(field + " declares " + Integer.toUnsignedString(length) + " bytes but only "
                    + (bytes.length - position) + " are left");
        }
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    Instant instant(String field) throws RejectedMessageException {
        long seconds = i64(field + " seconds");
        int nanos = i32(field + " nanoseconds");
        if (nanos < 0 || nanos > 999_999_999) {
            throw malformed(field + " has " + nanos + " nanoseconds");
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw malformed(field + " is out of range: " + seconds + " s");
        }
    }

    void end() throws RejectedMessageException {
        if (position != bytes.length) {
            throw malformed((bytes.length - position) + " unexpected bytes after the message");
        }
    }

    static RejectedMessageException malformed(String detail) {
        return new RejectedMessageException(RejectionReason.MALFORMED, detail);
    }

    private void need(int count, String field) throws RejectedMessageException {
        if (count > bytes.length - position) {
            throw malformed("truncated at " + field + ": needs " + count + " bytes at offset " + position
                    + ", message has " + bytes.length);
        }
    }
}

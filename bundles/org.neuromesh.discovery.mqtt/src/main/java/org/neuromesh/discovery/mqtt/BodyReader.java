package org.neuromesh.discovery.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/**
 * Reads the fields {@link BodyWriter} writes, checking each length against what is left and a per-field limit,
 * so that any bad body ends in a {@link RejectionReason#MALFORMED} rejection naming the field.
 */
final class BodyReader {

    private final String what;
    private final byte[] bytes;
    private int position;

    BodyReader(String what, byte[] bytes, int maxBytes) throws RejectedMessageException {
        this.what = what;
        this.bytes = bytes;
        if (bytes.length > maxBytes) {
            throw new RejectedMessageException(RejectionReason.OVERSIZED,
                    what + " body of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
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

    String text(String field, int maxChars) throws RejectedMessageException {
        int length = u16(field + " length");
        need(length, field);
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, position, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(field + " is not valid UTF-8");
        }
        position += length;
        if (value.length() > maxChars) {
            throw malformed(field + " has " + value.length() + " characters, more than " + maxChars);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw malformed(field + " contains control characters");
        }
        return value;
    }

    byte[] bytes(String field, int maxBytes) throws RejectedMessageException {
        int length = u16(field + " length");
        if (length > maxBytes) {
            throw malformed(field + " declares " + length + " bytes, more than " + maxBytes);
        }
        need(length, field);
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    void end() throws RejectedMessageException {
        if (position != bytes.length) {
            throw malformed((bytes.length - position) + " unexpected bytes after the " + what + " body");
        }
    }

    RejectedMessageException malformed(String detail) {
        return new RejectedMessageException(RejectionReason.MALFORMED, what + " body: " + detail);
    }

    private void need(int count, String field) throws RejectedMessageException {
        if (count > bytes.length - position) {
            throw malformed("truncated at " + field + " (needs " + count + " bytes at offset " + position + " of "
                    + bytes.length + ")");
        }
    }
}

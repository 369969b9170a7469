package org.neuromesh.discovery.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Appends the big-endian fields of the discovery message bodies. */
final class BodyWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    BodyWriter u8(int value) {
        out.write(value);
        return this;
    }

    BodyWriter u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    BodyWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    BodyWriter i32(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
        return this;
    }

    /** A 2-byte length and UTF-8. */
    BodyWriter text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u16(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    /** A 2-byte length and the bytes. */
    BodyWriter bytes(byte[] value) {
        u16(value.length);
        out.writeBytes(value);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}

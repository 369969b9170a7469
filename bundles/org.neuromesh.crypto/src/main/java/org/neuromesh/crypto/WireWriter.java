package org.neuromesh.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.neuromesh.api.peer.PeerId;

/** Appends the wire format's primitive fields (big-endian) to a growing buffer. */
final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    WireWriter header(int kind) {
        out.write(WireFormat.MAGIC_0);
        out.write(WireFormat.MAGIC_1);
        out.write(WireFormat.VERSION);
        out.write(kind);
        return this;
    }

    WireWriter text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > WireFormat.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text field of " + utf8.length + " bytes exceeds the wire limit of "
                    + WireFormat.MAX_TEXT_BYTES);
        }
        u16(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    WireWriter peer(PeerId peer) {
        return text(peer.value());
    }

    WireWriter optionalPeer(PeerId peer) {
        out.write(peer == null ? 0 : 1);
        return peer == null ? this : peer(peer);
    }

    WireWriter bytes(byte[] value) {
        i32(value.length);
        out.writeBytes(value);
        return this;
    }

    WireWriter instant(Instant value) {
        i64(value.getEpochSecond());
        return i32(value.getNano());
    }

    WireWriter u8(int value) {
        out.write(value);
        return this;
    }

    WireWriter u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    WireWriter i32(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
        return this;
    }

    WireWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}

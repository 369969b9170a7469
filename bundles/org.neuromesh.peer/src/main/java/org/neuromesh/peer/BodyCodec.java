package org.neuromesh.peer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writing and strictly reading message bodies with {@link DataOutputStream}: a truncated body, extra bytes at its
 * end or a field out of range is an {@link IOException} naming the message. Shared by the codecs of borrowing,
 * signals and sharing.
 */
final class BodyCodec {

    /** Most bytes one node state may take inside a capsule (the transport limits the whole message). */
    static final int MAX_BLOB = 256 << 20;
    /** Most classes one request or packet may name. */
    static final int MAX_CLASSES = 1024;

    private BodyCodec() {
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] bytes, String what, Reader<T> reader) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            T value = reader.read(in);
            if (in.read() != -1) {
                throw new IOException(what + " has unexpected bytes at its end");
            }
            return value;
        } catch (EOFException truncated) {
            throw new IOException(what + " is truncated", truncated);
        } catch (IllegalArgumentException invalid) {
            throw new IOException(what + " is invalid: " + invalid.getMessage(), invalid);
        }
    }

    static void blob(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    static byte[] blob(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOB || length > in.available()) {
            throw new IOException(what + ": a field declares " + length + " bytes but " + in.available()
                    + " are left");
        }
        return in.readNBytes(length);
    }

    static void classes(DataOutputStream out, Set<Integer> classes) throws IOException {
        out.writeShort(classes.size());
        for (int c : classes) {
            out.writeInt(c);
        }
    }

    static SortedSet<Integer> classes(DataInputStream in, String what) throws IOException {
        int count = in.readUnsignedShort();
        if (count < 1 || count > MAX_CLASSES) {
            throw new IOException(what + " declares " + count + " classes");
        }
        SortedSet<Integer> classes = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int c = in.readInt();
            if (c < 0 || !classes.add(c)) {
                throw new IOException(what + " names class " + c + " twice or negative");
            }
        }
        return classes;
    }
}

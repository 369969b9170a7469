package org.neuromesh.engine.network;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.neuromesh.engine.gating.GatingParameters;

/**
 * Saves and loads a whole {@link GatingNetwork} (weights, masks, node state, feedback projections, input
 * normalisation) as one binary file: magic {@code NMCL}, format version, content, CRC-32 of everything before it.
 * Version 2 added the input normalisation after the layers; version 1 files (without it) are still read.
 *
 * <p>Writing goes to a temporary file in the same folder, is forced to disk, and then atomically renamed over the
 * target, so a crash or Ctrl-C leaves either the old file or the new one, never half of one.
 */
public final class ClusterFile {

    private static final int MAGIC = 0x4E4D434C; // "NMCL"
    private static final int VERSION = 2;
    private static final int FIRST_VERSION = 1;
    /** Largest array a file may declare; guards against allocating from a corrupt length. */
    private static final int MAX_VALUES = 1 << 28;

    private ClusterFile() {
    }

    /** Writes {@code network} to {@code file} atomically, creating the folder if needed. */
    public static void write(GatingNetwork network, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".partial");
        try {
            CRC32 crc = new CRC32();
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(channel);
                DataOutputStream out = new DataOutputStream(
                        new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
                writeContent(network, out);
                out.flush();
                DataOutputStream tail = new DataOutputStream(raw);
                tail.writeLong(crc.getValue());
                tail.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a network written by {@link #write}.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException naming the file and what is wrong: not a cluster file, unknown version, truncated,
     *         checksum mismatch, impossible sizes
     */
    public static GatingNetwork read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no cluster file here");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readChecked(file.toString(), raw, Files.size(file));
        }
    }

    /** The file format's bytes of {@code network}, for sending it inside a capsule. */
    public static byte[] toBytes(GatingNetwork network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bytes, crc));
            writeContent(network, out);
            out.flush();
            new DataOutputStream(bytes).writeLong(crc.getValue());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a network from bytes made by {@link #toBytes}.
     *
     * @param source names the bytes in error messages, e.g. the capsule they came in
     * @throws IOException as {@link #read(Path)}
     */
    public static GatingNetwork fromBytes(byte[] bytes, String source) throws IOException {
        return readChecked(source, new ByteArrayInputStream(bytes), bytes.length);
    }

    /**
     * @param size the bytes the source holds: no array larger than they could fill is allocated, so a damaged
     *             length costs an exception, not the heap
     */
    private static GatingNetwork readChecked(String source, InputStream raw, long size) throws IOException {
        CRC32 crc = new CRC32();
        CountingStream counted = new CountingStream(raw);
        try {
            DataInputStream in = new DataInputStream(new CheckedInputStream(counted, crc));
            GatingNetwork network = readContent(source, in, size);
            long computed = crc.getValue();
            long stored = new DataInputStream(counted).readLong();
            if (stored != computed) {
                throw new IOException(source + " is damaged: checksum " + Long.toHexString(stored)
                        + " does not match its content (" + Long.toHexString(computed) + ")");
            }
            if (raw.read() != -1) {
                throw new IOException(source + " has extra bytes after its checksum");
            }
            return network;
        } catch (EOFException truncated) {
            throw new IOException(source + " is truncated at byte " + counted.count
                    + ": it ends before the network is complete", truncated);
        }
    }

    private static void writeContent(GatingNetwork network, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(network.seed());
        GatingParameters g = network.gating();
        for (float value : new float[] { g.initialThreshold(), g.initialTimeToRelease(), g.etaD0(), g.etaT(),
                g.alpha(), g.traceDecay() }) {
            out.writeFloat(value);
        }
        out.writeInt(network.layerCount());
        for (int l = 0; l < network.layerCount(); l++) {
            GatingLayer layer = network.layer(l);
            out.writeInt(layer.inputs);
            out.writeInt(layer.nodes);
            out.writeBoolean(layer.readout);
            out.writeInt(layer.prunedEdges);
            writeFloats(out, layer.weights);
            writeFloats(out, layer.bias);
            writeFloats(out, layer.mask);
            writeFloats(out, layer.threshold);
            writeFloats(out, layer.timeToRelease);
            writeFloats(out, layer.etaD);
            for (int silent : layer.silentSamples) {
                out.writeInt(silent);
            }
            if (!layer.readout) {
                writeFloats(out, network.feedback(l));
            }
        }
        InputNormalization normalization = network.inputNormalization();
        out.writeBoolean(!normalization.isIdentity());
        if (!normalization.isIdentity()) {
            writeFloats(out, normalization.mean());
            writeFloats(out, normalization.inverseScale());
        }
    }

    private static GatingNetwork readContent(String file, DataInputStream in, long size) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(file + " is not a NeuroMesh cluster file (magic " + Integer.toHexString(magic)
                    + ", expected " + Integer.toHexString(MAGIC) + ")");
        }
        int version = in.readInt();
        if (version < FIRST_VERSION || version > VERSION) {
            throw new IOException(file + " has format version " + version + "; this NeuroMesh reads versions "
                    + FIRST_VERSION + " to " + VERSION);
        }
        long seed = in.readLong();
        GatingParameters gating;
        try {
            gating = new GatingParameters(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readFloat());
        } catch (IllegalArgumentException invalid) {
            throw new IOException(file + " holds invalid node parameters: " + invalid.getMessage(), invalid);
        }
        int count = in.readInt();
        if (count < 1 || count > 64) {
            throw new IOException(file + " declares " + count + " layers");
        }
        GatingLayer[] layers = new GatingLayer[count];
        float[][] feedback = new float[count - 1][];
        int previousNodes = -1;
        for (int l = 0; l < count; l++) {
            int inputs = in.readInt();
            int nodes = in.readInt();
            boolean readout = in.readBoolean();
            if (inputs < 1 || nodes < 1 || (long) inputs * nodes > MAX_VALUES || readout != (l == count - 1)
                    || (previousNodes > 0 && inputs != previousNodes)) {
                throw new IOException(file + " layer " + l + " has impossible sizes: " + inputs + " inputs, "
                        + nodes + " nodes" + (previousNodes > 0 ? " after a layer of " + previousNodes : ""));
            }
            // weights and mask alone take 2 x inputs x nodes floats of the file
            long needed = 2L * inputs * nodes * Float.BYTES;
            if (needed > size) {
                throw new IOException(file + " is truncated or damaged: layer " + l + " declares " + nodes
                        + " nodes of " + inputs + " inputs (" + needed + " bytes of weights), but the file has only "
                        + size + " bytes");
            }
            previousNodes = nodes;
            GatingLayer layer = new GatingLayer(inputs, nodes, readout);
            layer.prunedEdges = in.readInt();
            readFloats(file, in, layer.weights);
            readFloats(file, in, layer.bias);
            readFloats(file, in, layer.mask);
            readFloats(file, in, layer.threshold);
            readFloats(file, in, layer.timeToRelease);
            readFloats(file, in, layer.etaD);
            for (int j = 0; j < layer.silentSamples.length; j++) {
                layer.silentSamples[j] = in.readInt();
            }
            if (!readout) {
                feedback[l] = readSized(file, in, l, size);
            }
            layers[l] = layer;
        }
        int outputs = layers[count - 1].nodes;
        for (int l = 0; l < count - 1; l++) {
            if (feedback[l].length != outputs * layers[l].nodes) {
                throw new IOException(file + " layer " + l + " has a feedback projection of " + feedback[l].length
                        + " values; expected " + outputs + " x " + layers[l].nodes);
            }
        }
        InputNormalization normalization = version >= 2 && in.readBoolean()
                ? readNormalization(file, in, layers[0].inputs)
                : InputNormalization.NONE;
        return new GatingNetwork(gating, seed, normalization, layers, feedback);
    }

    private static InputNormalization readNormalization(String file, DataInputStream in, int inputs)
            throws IOException {
        float[] mean = new float[inputs];
        float[] inverseScale = new float[inputs];
        readFloats(file, in, mean);
        readFloats(file, in, inverseScale);
        try {
            return InputNormalization.of(mean, inverseScale);
        } catch (IllegalArgumentException invalid) {
            throw new IOException(file + " holds an invalid input normalisation: " + invalid.getMessage(), invalid);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static void readFloats(String file, DataInputStream in, float[] into) throws IOException {
        int length = in.readInt();
        if (length != into.length) {
            throw new IOException(file + " is inconsistent: an array holds " + length + " values where "
                    + into.length + " belong");
        }
        for (int i = 0; i < length; i++) {
            into[i] = in.readFloat();
        }
    }

    private static float[] readSized(String file, DataInputStream in, int layer, long size) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUES || (long) length * Float.BYTES > size) {
            throw new IOException(file + " layer " + layer + " declares " + length + " feedback values");
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /** Counts the bytes read through it, to say where a file ends too early. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            count += value >= 0 ? 1 : 0;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}

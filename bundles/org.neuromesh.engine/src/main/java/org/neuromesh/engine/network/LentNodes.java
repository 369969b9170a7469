package org.neuromesh.engine.network;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Hidden nodes taken out of one network to be grafted into another: their incoming weights and node state, their
 * weights to the classes they were lent for, and the fixed feedback columns they were trained with. Holds no
 * sample and nothing derived from a single sample; only what the nodes learnt.
 *
 * @param inputs input width the nodes expect
 * @param classes the classes the nodes were chosen for, ascending
 * @param outputs number of classes of the network they came from
 * @param count number of nodes
 * @param incoming {@code count x inputs} weights
 * @param bias per node
 * @param threshold per node
 * @param timeToRelease per node
 * @param etaD per node
 * @param readout {@code classes.length x count}: weight from each node to each lent class
 * @param readoutBias the readout bias of each lent class
 * @param feedback {@code outputs x count}: the feedback columns of the nodes
 */
public record LentNodes(int inputs, int[] classes, int outputs, int count, float[] incoming, float[] bias,
        float[] threshold, float[] timeToRelease, float[] etaD, float[] readout, float[] readoutBias,
        float[] feedback) {

    private static final int MAGIC = 0x4E4D4E44; // "NMND"
    private static final int VERSION = 1;
    private static final int MAX_VALUES = 1 << 26;

    public LentNodes {
        if (inputs < 1 || count < 1 || outputs < 1 || classes.length < 1 || (long) inputs * count > MAX_VALUES) {
            throw new IllegalArgumentException("lent nodes need inputs, nodes, outputs and classes; got " + inputs
                    + " inputs, " + count + " nodes, " + outputs + " outputs, " + classes.length + " classes");
        }
        for (int c = 0; c < classes.length; c++) {
            if (classes[c] < 0 || classes[c] >= outputs || (c > 0 && classes[c] <= classes[c - 1])) {
                throw new IllegalArgumentException("classes must be ascending and below " + outputs + ", got "
                        + Arrays.toString(classes));
            }
        }
        requireLength(incoming, count * inputs, "incoming weights");
        requireLength(bias, count, "biases");
        requireLength(threshold, count, "thresholds");
        requireLength(timeToRelease, count, "timers");
        requireLength(etaD, count, "threshold rates");
        requireLength(readout, classes.length * count, "readout weights");
        requireLength(readoutBias, classes.length, "readout biases");
        requireLength(feedback, outputs * count, "feedback columns");
    }

    /** The packet's bytes: magic, version, sizes, then every array. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count * inputs * 4 + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(inputs);
            out.writeInt(outputs);
            out.writeInt(count);
            out.writeInt(classes.length);
            for (int c : classes) {
                out.writeInt(c);
            }
            for (float[] values : new float[][] { incoming, bias, threshold, timeToRelease, etaD, readout,
                    readoutBias, feedback }) {
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a packet made by {@link #toBytes}.
     *
     * @param source names the bytes in error messages
     * @throws IOException naming what is wrong: not a node packet, other version, impossible sizes, truncated,
     *         extra bytes, non-finite values
     */
    public static LentNodes fromBytes(byte[] bytes, String source) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException(source + " is not a node packet");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(source + " has node packet version " + version + "; this peer reads " + VERSION);
            }
            int inputs = in.readInt();
            int outputs = in.readInt();
            int count = in.readInt();
            int classCount = in.readInt();
            long values = (long) count * inputs + 4L * count + (long) classCount * count + classCount
                    + (long) outputs * count;
            if (inputs < 1 || outputs < 1 || count < 1 || classCount < 1 || classCount > outputs
                    || values * 4 + 4L * classCount > bytes.length) {
                throw new IOException(source + " declares impossible sizes: " + inputs + " inputs, " + outputs
                        + " outputs, " + count + " nodes, " + classCount + " classes in " + bytes.length + " bytes");
            }
            int[] classes = new int[classCount];
            for (int c = 0; c < classCount; c++) {
                classes[c] = in.readInt();
            }
            float[] incoming = floats(in, count * inputs, source);
            float[] bias = floats(in, count, source);
            float[] threshold = floats(in, count, source);
            float[] timeToRelease = floats(in, count, source);
            float[] etaD = floats(in, count, source);
            float[] readout = floats(in, classCount * count, source);
            float[] readoutBias = floats(in, classCount, source);
            float[] feedback = floats(in, outputs * count, source);
            if (in.read() != -1) {
                throw new IOException(source + " has extra bytes after the node packet");
            }
            return new LentNodes(inputs, classes, outputs, count, incoming, bias, threshold, timeToRelease, etaD,
                    readout, readoutBias, feedback);
        } catch (EOFException truncated) {
            throw new IOException(source + " is truncated", truncated);
        } catch (IllegalArgumentException invalid) {
            throw new IOException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    private static float[] floats(DataInputStream in, int length, String source) throws IOException {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
            if (!Float.isFinite(values[i])) {
                throw new IOException(source + " holds a non-finite value");
            }
        }
        return values;
    }

    private static void requireLength(float[] values, int expected, String what) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }
}

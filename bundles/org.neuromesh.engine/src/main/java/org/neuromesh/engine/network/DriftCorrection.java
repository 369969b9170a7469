package org.neuromesh.engine.network;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Control variates against client drift in federated training (the SCAFFOLD method, Karimireddy et al. 2020),
 * kept in "weight change per training step" units so that they work with any learning rule.
 *
 * <p>When each member holds only a few classes, plain averaging converges slowly: every member's steps pull the
 * model towards its own classes. Each member keeps its own drift {@code d_i} (its mean change per step in its last
 * round), the aggregator keeps the global drift {@code d} (the mean over members) and sends it with the merged
 * model: it is the session's global modulatory signal. During local training every step is corrected by
 * {@code d - d_i}, so that a member moves the way the whole session would, not only the way its own data pulls.
 *
 * <p>One value per weight and bias of every layer; node state is not corrected.
 */
public final class DriftCorrection {

    private static final int MAGIC = 0x4E4D4443; // "NMDC"
    private static final int VERSION = 1;

    /** Per layer: weights, then biases. */
    private final float[][] values;

    private DriftCorrection(float[][] values) {
        this.values = values;
    }

    /** No drift, for a network of this shape. */
    public static DriftCorrection zero(GatingNetwork network) {
        float[][] values = new float[2 * network.layerCount()][];
        for (int l = 0; l < network.layerCount(); l++) {
            values[2 * l] = new float[network.layer(l).weights.length];
            values[2 * l + 1] = new float[network.layer(l).bias.length];
        }
        return new DriftCorrection(values);
    }

    /** Adds {@code global - local} to the weights and biases of {@code network}: one corrected step. */
    public static void correctStep(GatingNetwork network, DriftCorrection global, DriftCorrection local) {
        global.requireFits(network, "global drift");
        local.requireFits(network, "local drift");
        for (int a = 0; a < global.values.length; a++) {
            float[] target = parameters(network, a);
            float[] g = global.values[a];
            float[] own = local.values[a];
            for (int i = 0; i < target.length; i++) {
                target[i] += g[i] - own[i];
            }
        }
    }

    /**
     * The member's new drift after a round: {@code d_i - d + (after - before) / steps}.
     *
     * @param before the global model the round started from
     * @param after the member's model after {@code steps} corrected steps
     */
    public static DriftCorrection afterRound(GatingNetwork before, GatingNetwork after, int steps,
            DriftCorrection global, DriftCorrection local) {
        if (steps < 1) {
            throw new IllegalArgumentException("a round needs at least one step, got " + steps);
        }
        global.requireFits(after, "global drift");
        local.requireFits(after, "local drift");
        float[][] next = new float[global.values.length][];
        for (int a = 0; a < next.length; a++) {
            float[] x = parameters(before, a);
            float[] y = parameters(after, a);
            float[] n = new float[x.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = local.values[a][i] - global.values[a][i] + (y[i] - x[i]) / steps;
            }
            next[a] = n;
        }
        return new DriftCorrection(next);
    }

    /** {@code this - earlier}: what a member sends the aggregator. */
    public DriftCorrection minus(DriftCorrection earlier) {
        float[][] difference = new float[values.length][];
        for (int a = 0; a < values.length; a++) {
            difference[a] = values[a].clone();
            for (int i = 0; i < difference[a].length; i++) {
                difference[a][i] -= earlier.values[a][i];
            }
        }
        return new DriftCorrection(difference);
    }

    /**
     * The aggregator's new global drift: {@code d + (sum of the members' changes) / members}. Members that did not
     * contribute count as unchanged.
     */
    public DriftCorrection plusMeanOf(List<DriftCorrection> changes, int members) {
        if (members < changes.size() || members < 1) {
            throw new IllegalArgumentException(changes.size() + " changes from " + members + " members");
        }
        float[][] next = new float[values.length][];
        for (int a = 0; a < values.length; a++) {
            next[a] = values[a].clone();
            for (DriftCorrection change : changes) {
                if (change.values.length != values.length || change.values[a].length != values[a].length) {
                    throw new IllegalArgumentException("a drift change does not fit the session's network");
                }
                for (int i = 0; i < next[a].length; i++) {
                    next[a][i] += change.values[a][i] / members;
                }
            }
        }
        return new DriftCorrection(next);
    }

    /** Bytes: magic, version, array count, then each array (length + values). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(values.length);
            for (float[] array : values) {
                out.writeInt(array.length);
                for (float v : array) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads drift written by {@link #toBytes} for a network of the given shape.
     *
     * @throws IOException naming {@code source} and what does not fit
     */
    public static DriftCorrection fromBytes(byte[] bytes, GatingNetwork shape, String source) throws IOException {
        DriftCorrection expected = zero(shape);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(source + " is not drift correction data of version " + VERSION);
            }
            int arrays = in.readInt();
            if (arrays != expected.values.length) {
                throw new IOException(source + " holds " + arrays + " arrays; the network needs "
                        + expected.values.length);
            }
            for (float[] array : expected.values) {
                int length = in.readInt();
                if (length != array.length) {
                    throw new IOException(source + " holds an array of " + length + " values where " + array.length
                            + " belong");
                }
                for (int i = 0; i < length; i++) {
                    array[i] = in.readFloat();
                    if (!Float.isFinite(array[i])) {
                        throw new IOException(source + " holds a non-finite value");
                    }
                }
            }
            if (in.read() != -1) {
                throw new IOException(source + " has extra bytes");
            }
            return expected;
        } catch (EOFException truncated) {
            throw new IOException(source + " is truncated", truncated);
        }
    }

    private void requireFits(GatingNetwork network, String what) {
        if (values.length != 2 * network.layerCount()) {
            throw new IllegalArgumentException(what + " was made for another network");
        }
        for (int a = 0; a < values.length; a++) {
            if (values[a].length != parameters(network, a).length) {
                throw new IllegalArgumentException(what + " was made for another network");
            }
        }
    }

    private static float[] parameters(GatingNetwork network, int array) {
        GatingLayer layer = network.layer(array / 2);
        return array % 2 == 0 ? layer.weights : layer.bias;
    }
}

package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Changes the structure of a {@link GatingNetwork} between epochs: node splitting, edge duplication and pruning.
 * After any change the trainer's buffers and the rule's state must be created again for the new shape.
 */
public final class Topology {

    private Topology() {
    }

    /**
     * Splits the {@code count} hidden nodes of layer {@code l} that matter most to the next layer (largest
     * outgoing weight norm) into two each. The copy gets the same incoming weights plus a little noise, the same
     * node state, and half of the outgoing weights, which the original keeps the other half of, so the network
     * computes almost the same function right after the split and the two halves then learn apart.
     *
     * @return the number of nodes added (0 if {@code count} is 0)
     */
    public static int splitNodes(GatingNetwork network, int l, int count, long seed) {
        GatingLayer layer = network.layer(l);
        if (layer.readout) {
            throw new IllegalArgumentException("layer " + l + " is the readout; only hidden nodes split");
        }
        if (count <= 0) {
            return 0;
        }
        count = Math.min(count, layer.nodes);
        GatingLayer next = network.layer(l + 1);
        int[] chosen = strongestOutgoing(next, layer.nodes, count);
        int nodes = layer.nodes + count;
        GatingLayer grown = new GatingLayer(layer.inputs, nodes, false);
        GatingLayer widened = new GatingLayer(nodes, next.nodes, next.readout);
        SplittableRandom random = new SplittableRandom(seed);
        copyNodes(layer, grown, 0, layer.nodes);
        for (int c = 0; c < count; c++) {
            int source = chosen[c];
            int target = layer.nodes + c;
            copyNode(layer, source, grown, target);
            double noise = 0.01 * rms(layer.weights);
            for (int i = 0; i < layer.inputs; i++) {
                int k = target * layer.inputs + i;
                grown.weights[k] += (float) (grown.mask[k] * noise * random.nextGaussian());
            }
        }
        // next layer: same rows, one more input column per new node; a split node's column is shared half-half
        for (int j = 0; j < next.nodes; j++) {
            System.arraycopy(next.weights, j * next.inputs, widened.weights, j * nodes, next.inputs);
            System.arraycopy(next.mask, j * next.inputs, widened.mask, j * nodes, next.inputs);
            for (int c = 0; c < count; c++) {
                int from = j * nodes + chosen[c];
                float half = widened.weights[from] * 0.5f;
                widened.weights[from] = half;
                widened.weights[j * nodes + layer.nodes + c] = half;
                widened.mask[j * nodes + layer.nodes + c] = widened.mask[from];
            }
        }
        System.arraycopy(next.bias, 0, widened.bias, 0, next.nodes);
        copyNodeState(next, widened);
        widened.prunedEdges = countPruned(widened.mask);
        grown.prunedEdges = countPruned(grown.mask);
        float[] oldFeedback = network.feedback(l);
        int outputs = network.outputWidth();
        float[] fresh = GatingNetwork.randomFeedback(outputs, count, random.nextLong());
        float[] feedback = new float[outputs * nodes];
        for (int o = 0; o < outputs; o++) {
            System.arraycopy(oldFeedback, o * layer.nodes, feedback, o * nodes, layer.nodes);
            System.arraycopy(fresh, o * count, feedback, o * nodes + layer.nodes, count);
        }
        network.replace(l, grown, feedback);
        network.replace(l + 1, widened, null);
        return count;
    }

    /**
     * Prunes the smallest {@code fraction} of the live edges of every layer (by weight magnitude): their weights
     * become 0 and stay 0.
     *
     * @return the number of edges pruned
     */
    public static long prune(GatingNetwork network, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the pruned fraction must be in [0, 1), got " + fraction);
        }
        long pruned = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            GatingLayer layer = network.layer(l);
            int live = layer.weights.length - layer.prunedEdges;
            int cut = (int) (live * fraction);
            if (cut == 0) {
                continue;
            }
            float[] magnitudes = new float[live];
            int n = 0;
            for (int k = 0; k < layer.weights.length; k++) {
                if (layer.mask[k] != 0f) {
                    magnitudes[n++] = Math.abs(layer.weights[k]);
                }
            }
            Arrays.sort(magnitudes);
            float limit = magnitudes[cut - 1];
            int removed = 0;
            for (int k = 0; k < layer.weights.length && removed < cut; k++) {
                if (layer.mask[k] != 0f && Math.abs(layer.weights[k]) <= limit) {
                    layer.mask[k] = 0f;
                    layer.weights[k] = 0f;
                    removed++;
                }
            }
            layer.prunedEdges += removed;
            pruned += removed;
        }
        return pruned;
    }

    /**
     * Edge duplication: the {@code count} strongest live edges of layer {@code l} each get a twin on a pruned
     * edge of the same node (the nearest pruned input), and the two share the weight half-half. Lets a pruned
     * network move capacity to where its strong connections are.
     *
     * @return the number of edges duplicated (limited by the pruned edges available)
     */
    public static int duplicateEdges(GatingNetwork network, int l, int count) {
        GatingLayer layer = network.layer(l);
        if (layer.prunedEdges == 0 || count <= 0) {
            return 0;
        }
        Integer[] order = new Integer[layer.weights.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Float.compare(Math.abs(layer.weights[b]), Math.abs(layer.weights[a])));
        int duplicated = 0;
        for (int r = 0; r < order.length && duplicated < count; r++) {
            int k = order[r];
            if (layer.mask[k] == 0f) {
                continue;
            }
            int node = k / layer.inputs;
            int twin = nearestPruned(layer, node, k % layer.inputs);
            if (twin < 0) {
                continue;
            }
            float half = layer.weights[k] * 0.5f;
            layer.weights[k] = half;
            layer.weights[twin] = half;
            layer.mask[twin] = 1f;
            layer.prunedEdges--;
            duplicated++;
        }
        return duplicated;
    }

    private static int nearestPruned(GatingLayer layer, int node, int input) {
        int row = node * layer.inputs;
        for (int distance = 1; distance < layer.inputs; distance++) {
            for (int candidate : new int[] { input - distance, input + distance }) {
                if (candidate >= 0 && candidate < layer.inputs && layer.mask[row + candidate] == 0f) {
                    return row + candidate;
                }
            }
        }
        return -1;
    }

    private static int[] strongestOutgoing(GatingLayer next, int nodes, int count) {
        double[] norm = new double[nodes];
        for (int o = 0; o < next.nodes; o++) {
            for (int j = 0; j < nodes; j++) {
                float w = next.weights[o * next.inputs + j];
                norm[j] += w * w;
            }
        }
        Integer[] order = new Integer[nodes];
        for (int j = 0; j < nodes; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(norm[b], norm[a]));
        int[] chosen = new int[count];
        for (int c = 0; c < count; c++) {
            chosen[c] = order[c];
        }
        return chosen;
    }

    static void copyNodes(GatingLayer from, GatingLayer to, int first, int count) {
        for (int j = first; j < first + count; j++) {
            copyNode(from, j, to, j);
        }
    }

    static void copyNode(GatingLayer from, int source, GatingLayer to, int target) {
        System.arraycopy(from.weights, source * from.inputs, to.weights, target * to.inputs, from.inputs);
        System.arraycopy(from.mask, source * from.inputs, to.mask, target * to.inputs, from.inputs);
        to.bias[target] = from.bias[source];
        to.threshold[target] = from.threshold[source];
        to.timeToRelease[target] = from.timeToRelease[source];
        to.etaD[target] = from.etaD[source];
        to.silentSamples[target] = from.silentSamples[source];
    }

    private static void copyNodeState(GatingLayer from, GatingLayer to) {
        System.arraycopy(from.threshold, 0, to.threshold, 0, from.threshold.length);
        System.arraycopy(from.timeToRelease, 0, to.timeToRelease, 0, from.timeToRelease.length);
        System.arraycopy(from.etaD, 0, to.etaD, 0, from.etaD.length);
        System.arraycopy(from.silentSamples, 0, to.silentSamples, 0, from.silentSamples.length);
    }

    static int countPruned(float[] mask) {
        int pruned = 0;
        for (float m : mask) {
            pruned += m == 0f ? 1 : 0;
        }
        return pruned;
    }

    private static double rms(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum / values.length);
    }
}

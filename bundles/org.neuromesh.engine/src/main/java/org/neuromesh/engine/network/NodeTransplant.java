package org.neuromesh.engine.network;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Node borrowing between networks with one hidden layer: the owner picks the hidden nodes that speak most for some
 * classes ({@link #select}), the borrower grafts them next to its own nodes ({@link #graft}), uses them, and returns
 * their final state ({@link #snapshot}).
 *
 * <p>Only single-hidden-layer networks take part: a lent node's inputs must be the raw input, and its outputs must
 * reach the readout directly.
 */
public final class NodeTransplant {

    private NodeTransplant() {
    }

    /**
     * Copies the {@code count} hidden nodes of {@code owner} with the largest summed readout weight towards
     * {@code classes}, with their weights to those classes.
     */
    public static LentNodes select(GatingNetwork owner, int[] classes, int count) {
        requireLendable(owner, "owner");
        int[] lent = IntStream.of(classes).sorted().distinct().toArray();
        GatingLayer hidden = owner.layer(0);
        GatingLayer readout = owner.layer(1);
        for (int c : lent) {
            if (c < 0 || c >= readout.nodes) {
                throw new IllegalArgumentException("class " + c + " does not exist; the owner has " + readout.nodes);
            }
        }
        if (count < 1 || count > hidden.nodes) {
            throw new IllegalArgumentException("can lend 1 to " + hidden.nodes + " nodes, asked for " + count);
        }
        Integer[] order = new Integer[hidden.nodes];
        double[] score = new double[hidden.nodes];
        for (int j = 0; j < hidden.nodes; j++) {
            order[j] = j;
            for (int c : lent) {
                score[j] += readout.weights[c * readout.inputs + j];
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int inputs = hidden.inputs;
        int outputs = readout.nodes;
        float[] incoming = new float[count * inputs];
        float[] bias = new float[count];
        float[] threshold = new float[count];
        float[] timer = new float[count];
        float[] etaD = new float[count];
        float[] weightsOut = new float[lent.length * count];
        float[] readoutBias = new float[lent.length];
        float[] feedback = new float[outputs * count];
        float[] ownerFeedback = owner.feedback(0);
        for (int k = 0; k < count; k++) {
            int j = order[k];
            for (int i = 0; i < inputs; i++) {
                incoming[k * inputs + i] = hidden.weights[j * inputs + i] * hidden.mask[j * inputs + i];
            }
            bias[k] = hidden.bias[j];
            threshold[k] = hidden.threshold[j];
            timer[k] = hidden.timeToRelease[j];
            etaD[k] = hidden.etaD[j];
            for (int c = 0; c < lent.length; c++) {
                weightsOut[c * count + k] = readout.weights[lent[c] * readout.inputs + j];
            }
            for (int o = 0; o < outputs; o++) {
                feedback[o * count + k] = ownerFeedback[o * hidden.nodes + j];
            }
        }
        for (int c = 0; c < lent.length; c++) {
            readoutBias[c] = readout.bias[lent[c]];
        }
        return new LentNodes(inputs, lent, outputs, count, incoming, bias, threshold, timer, etaD, weightsOut,
                readoutBias, feedback);
    }

    /**
     * Appends {@code nodes} to the hidden layer of {@code borrower}. The borrowed nodes feed only the lent classes.
     * With {@code takeOverClasses}, the borrower's own nodes stop feeding the lent classes and the lent classes
     * get the owner's readout bias: right for classes the borrower never saw, whose weights only learnt to say no.
     *
     * @return index of the first grafted node in the hidden layer
     */
    public static int graft(GatingNetwork borrower, LentNodes nodes, boolean takeOverClasses) {
        requireLendable(borrower, "borrower");
        GatingLayer hidden = borrower.layer(0);
        GatingLayer readout = borrower.layer(1);
        if (nodes.inputs() != hidden.inputs || nodes.outputs() != readout.nodes) {
            throw new IllegalArgumentException("the lent nodes fit a network of " + nodes.inputs() + " inputs and "
                    + nodes.outputs() + " classes; this one has " + hidden.inputs + " and " + readout.nodes);
        }
        int own = hidden.nodes;
        int count = nodes.count();
        int total = own + count;
        GatingLayer grown = new GatingLayer(hidden.inputs, total, false);
        Topology.copyNodes(hidden, grown, 0, own);
        System.arraycopy(nodes.incoming(), 0, grown.weights, own * hidden.inputs, count * hidden.inputs);
        System.arraycopy(nodes.bias(), 0, grown.bias, own, count);
        System.arraycopy(nodes.threshold(), 0, grown.threshold, own, count);
        System.arraycopy(nodes.timeToRelease(), 0, grown.timeToRelease, own, count);
        System.arraycopy(nodes.etaD(), 0, grown.etaD, own, count);
        grown.prunedEdges = Topology.countPruned(grown.mask);

        GatingLayer widened = new GatingLayer(total, readout.nodes, true);
        for (int o = 0; o < readout.nodes; o++) {
            System.arraycopy(readout.weights, o * own, widened.weights, o * total, own);
            System.arraycopy(readout.mask, o * own, widened.mask, o * total, own);
        }
        System.arraycopy(readout.bias, 0, widened.bias, 0, readout.nodes);
        int[] classes = nodes.classes();
        float[] lentReadout = nodes.readout();
        for (int c = 0; c < classes.length; c++) {
            int row = classes[c] * total;
            if (takeOverClasses) {
                Arrays.fill(widened.weights, row, row + own, 0f);
                widened.bias[classes[c]] = nodes.readoutBias()[c];
            }
            System.arraycopy(lentReadout, c * count, widened.weights, row + own, count);
        }
        widened.prunedEdges = Topology.countPruned(widened.mask);

        float[] oldFeedback = borrower.feedback(0);
        float[] feedback = new float[readout.nodes * total];
        for (int o = 0; o < readout.nodes; o++) {
            System.arraycopy(oldFeedback, o * own, feedback, o * total, own);
            System.arraycopy(nodes.feedback(), o * count, feedback, o * total + own, count);
        }
        borrower.replace(0, grown, feedback);
        borrower.replace(1, widened, null);
        return own;
    }

    /** The current state of the {@code lent.count()} nodes grafted at {@code firstNode}, to return to the owner. */
    public static LentNodes snapshot(GatingNetwork borrower, int firstNode, LentNodes lent) {
        requireLendable(borrower, "borrower");
        GatingLayer hidden = borrower.layer(0);
        GatingLayer readout = borrower.layer(1);
        int count = lent.count();
        if (firstNode < 0 || firstNode + count > hidden.nodes) {
            throw new IllegalArgumentException("nodes " + firstNode + ".." + (firstNode + count - 1)
                    + " are not in a hidden layer of " + hidden.nodes);
        }
        int inputs = hidden.inputs;
        int[] classes = lent.classes();
        float[] readoutWeights = new float[classes.length * count];
        float[] readoutBias = new float[classes.length];
        float[] feedback = new float[readout.nodes * count];
        float[] borrowerFeedback = borrower.feedback(0);
        for (int c = 0; c < classes.length; c++) {
            System.arraycopy(readout.weights, classes[c] * hidden.nodes + firstNode, readoutWeights, c * count,
                    count);
            readoutBias[c] = readout.bias[classes[c]];
        }
        for (int o = 0; o < readout.nodes; o++) {
            System.arraycopy(borrowerFeedback, o * hidden.nodes + firstNode, feedback, o * count, count);
        }
        return new LentNodes(inputs, classes, readout.nodes, count,
                Arrays.copyOfRange(hidden.weights, firstNode * inputs, (firstNode + count) * inputs),
                Arrays.copyOfRange(hidden.bias, firstNode, firstNode + count),
                Arrays.copyOfRange(hidden.threshold, firstNode, firstNode + count),
                Arrays.copyOfRange(hidden.timeToRelease, firstNode, firstNode + count),
                Arrays.copyOfRange(hidden.etaD, firstNode, firstNode + count), readoutWeights, readoutBias, feedback);
    }

    /**
     * Lent weights are weights on raw inputs: nodes trained behind an input normalisation would not fit a borrower
     * with another (or none), and {@link LentNodes} does not carry one.
     */
    private static void requireLendable(GatingNetwork network, String role) {
        if (!network.inputNormalization().isIdentity()) {
            throw new IllegalArgumentException("node borrowing needs networks that see their input as it is; the "
                    + role + " normalises its input");
        }
        if (network.layerCount() != 2) {
            throw new IllegalArgumentException("node borrowing needs networks with one hidden layer; the " + role
                    + " has " + (network.layerCount() - 1));
        }
    }
}

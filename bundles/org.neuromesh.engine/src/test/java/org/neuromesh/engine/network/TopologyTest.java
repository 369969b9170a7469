package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

class TopologyTest {

    private final MatrixKernels kernels = Kernels.scalar(1);

    @AfterEach
    void close() {
        kernels.close();
    }

    private float[] scores(GatingNetwork network, float[] input, int batch) {
        Propagation propagation = new Propagation(network, kernels, batch);
        propagation.forward(input, new int[batch], batch, false);
        return propagation.layerOutput(network.layerCount() - 1).clone();
    }

    @Test
    void splittingANodeAddsItAndKeepsTheFunctionAlmostUnchanged() {
        // given an 8-6-3 network and some input
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        float[] input = NetworkTrainingTest.halves(4, 9).pixels();
        float[] before = scores(network, input, 4);
        // when two nodes split
        int added = Topology.splitNodes(network, 0, 2, 1);
        // then the hidden layer has 8 nodes and the readout 8 inputs
        assertEquals(2, added);
        assertEquals(NetworkShape.of(8, 8, 3), network.shape());
        // and the scores moved only by the small noise given to the copies
        float[] after = scores(network, input, 4);
        assertArrayEquals(before, after, 0.05f);
    }

    @Test
    void pruningRemovesTheSmallestWeightsAndTheyStayZero() {
        // given a fresh network
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(10, 10, 2), NetworkTrainingTest.GATING, 5);
        long all = network.totalEdges();
        float[] original = network.layer(0).weights();
        float smallestKept = Float.MAX_VALUE;
        // when half the edges are pruned
        long pruned = Topology.prune(network, 0.5);
        // then half are gone, each pruned weight is zero, and every kept weight is at least as large
        assertEquals(all / 2, pruned);
        assertEquals(all - pruned, network.liveEdges());
        GatingLayer layer = network.layer(0);
        float largestPruned = 0;
        for (int k = 0; k < layer.weights.length; k++) {
            if (layer.mask[k] == 0f) {
                assertEquals(0f, layer.weights[k]);
                largestPruned = Math.max(largestPruned, Math.abs(original[k]));
            } else {
                smallestKept = Math.min(smallestKept, Math.abs(layer.weights[k]));
            }
        }
        assertTrue(largestPruned > 0 && smallestKept >= largestPruned, largestPruned + " vs " + smallestKept);
    }

    @Test
    void duplicatingAnEdgeRevivesAPrunedNeighbourWithHalfTheWeight() {
        // given a network with pruned edges
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(10, 4, 2), NetworkTrainingTest.GATING, 5);
        Topology.prune(network, 0.5);
        GatingLayer layer = network.layer(0);
        long liveBefore = layer.liveEdges();
        double sumBefore = sum(layer.weights);
        // when three strong edges are duplicated
        int duplicated = Topology.duplicateEdges(network, 0, 3);
        // then three more edges are live and the layer's total weight is unchanged
        assertEquals(3, duplicated);
        assertEquals(liveBefore + 3, layer.liveEdges());
        assertEquals(sumBefore, sum(layer.weights), 1e-5);
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }
}

package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

class NodeTransplantTest {

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
    void givenAnOwner_whenNodesAreSelectedForAClass_thenTheyAreItsStrongestVotersForThatClass() {
        // given an owner whose hidden node 4 speaks loudest for class 2
        GatingNetwork owner = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        owner.layer(1).weights[2 * 6 + 4] = 9f;
        // when one node is lent for class 2
        LentNodes lent = NodeTransplant.select(owner, new int[] {2}, 1);
        // then it is node 4, with its incoming weights, its state and its readout weight
        assertArrayEquals(Arrays.copyOfRange(owner.layer(0).weights, 4 * 8, 5 * 8), lent.incoming());
        assertEquals(9f, lent.readout()[0]);
        assertEquals(owner.layer(0).threshold[4], lent.threshold()[0]);
    }

    @Test
    void givenABorrower_whenNodesAreGrafted_thenTheyAddTheOwnersVoteForTheLentClassesOnly() {
        // given an owner and a borrower of the same input and classes, and some input
        GatingNetwork owner = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        GatingNetwork borrower = GatingNetwork.create(NetworkShape.of(8, 4, 3), NetworkTrainingTest.GATING, 6);
        float[] input = NetworkTrainingTest.halves(4, 9).pixels();
        float[] before = scores(borrower, input, 4);
        // when all six owner nodes are lent for class 1 and grafted, taking the class over
        LentNodes lent = NodeTransplant.select(owner, new int[] {1}, 6);
        int first = NodeTransplant.graft(borrower, lent, true);
        // then the borrower has ten hidden nodes, classes 0 and 2 score as before, class 1 as the owner scores it
        assertEquals(4, first);
        assertEquals(NetworkShape.of(8, 10, 3), borrower.shape());
        float[] after = scores(borrower, input, 4);
        float[] ownerScores = scores(owner, input, 4);
        for (int b = 0; b < 4; b++) {
            assertEquals(before[b * 3], after[b * 3], 1e-5f);
            assertEquals(before[b * 3 + 2], after[b * 3 + 2], 1e-5f);
            assertEquals(ownerScores[b * 3 + 1], after[b * 3 + 1], 1e-4f);
        }
    }

    @Test
    void givenGraftedNodes_whenSnapshotted_thenTheirCurrentStateComesBack() throws IOException {
        GatingNetwork owner = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        GatingNetwork borrower = GatingNetwork.create(NetworkShape.of(8, 4, 3), NetworkTrainingTest.GATING, 6);
        LentNodes lent = NodeTransplant.select(owner, new int[] {0, 2}, 3);
        int first = NodeTransplant.graft(borrower, lent, false);
        // when the borrower's use changes a lent node, and the nodes are snapshotted and sent back as bytes
        borrower.layer(0).weights[(first + 1) * 8 + 3] += 0.5f;
        LentNodes returned = LentNodes.fromBytes(NodeTransplant.snapshot(borrower, first, lent).toBytes(), "return");
        // then the snapshot holds the change and everything else as lent
        assertEquals(lent.incoming()[8 + 3] + 0.5f, returned.incoming()[8 + 3], 1e-6f);
        assertArrayEquals(lent.readout(), returned.readout());
        assertArrayEquals(lent.feedback(), returned.feedback());
        assertArrayEquals(lent.classes(), returned.classes());
    }

    @Test
    void givenNetworksThatDoNotFit_whenGrafting_thenTheReasonIsNamed() {
        GatingNetwork owner = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        GatingNetwork deep = GatingNetwork.create(NetworkShape.of(8, 4, 4, 3), NetworkTrainingTest.GATING, 6);
        GatingNetwork otherInput = GatingNetwork.create(NetworkShape.of(9, 4, 3), NetworkTrainingTest.GATING, 6);
        LentNodes lent = NodeTransplant.select(owner, new int[] {1}, 2);
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> NodeTransplant.graft(deep, lent, true));
        assertTrue(layers.getMessage().contains("one hidden layer"), layers.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> NodeTransplant.graft(otherInput, lent, true));
        assertTrue(inputs.getMessage().contains("8 inputs"), inputs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeTransplant.select(owner, new int[] {3}, 1));
        GatingNetwork normalising = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5,
                InputNormalization.of(new float[8], new float[] {1, 1, 1, 1, 1, 1, 1, 2}));
        IllegalArgumentException normalised = assertThrows(IllegalArgumentException.class,
                () -> NodeTransplant.graft(normalising, lent, true));
        assertTrue(normalised.getMessage().contains("normalises its input"), normalised.getMessage());
    }

    @Test
    void givenBrokenPacketBytes_whenRead_thenTheyAreRefusedWithTheReason() {
        GatingNetwork owner = GatingNetwork.create(NetworkShape.of(8, 6, 3), NetworkTrainingTest.GATING, 5);
        byte[] bytes = NodeTransplant.select(owner, new int[] {1}, 2).toBytes();
        IOException truncated = assertThrows(IOException.class,
                () -> LentNodes.fromBytes(Arrays.copyOf(bytes, bytes.length - 5), "packet p"));
        assertTrue(truncated.getMessage().contains("packet p"), truncated.getMessage());
        byte[] huge = bytes.clone();
        huge[8] = 0x7F; // inputs: absurd
        IOException sizes = assertThrows(IOException.class, () -> LentNodes.fromBytes(huge, "packet q"));
        assertTrue(sizes.getMessage().contains("impossible sizes"), sizes.getMessage());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IOException.class, () -> LentNodes.fromBytes(longer, "packet r"));
    }
}

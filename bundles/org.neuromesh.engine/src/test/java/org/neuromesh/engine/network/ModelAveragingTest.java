package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;

class ModelAveragingTest {

    private static GatingNetwork copy(GatingNetwork network) throws IOException {
        return ClusterFile.fromBytes(ClusterFile.toBytes(network), "copy");
    }

    @Test
    void givenTwoModelsOfOneSession_whenAveraged_thenEveryValueIsTheSampleWeightedMean() throws IOException {
        // given one start and two copies that trained apart (here: changed by hand)
        GatingNetwork start = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 1);
        GatingNetwork a = copy(start);
        GatingNetwork b = copy(start);
        a.layer(0).weights[5] = 1f;
        b.layer(0).weights[5] = 4f;
        a.layer(1).bias[1] = -2f;
        b.layer(1).bias[1] = 2f;
        a.layer(0).threshold[2] = 0.1f;
        b.layer(0).threshold[2] = 0.4f;
        // when averaged with 100 and 300 samples
        GatingNetwork merged = ModelAveraging.average(List.of(a, b), new long[] {100, 300});
        // then each value is a quarter of a's plus three quarters of b's
        assertEquals(3.25f, merged.layer(0).weights[5], 1e-6f);
        assertEquals(1f, merged.layer(1).bias[1], 1e-6f);
        assertEquals(0.325f, merged.layer(0).threshold[2], 1e-6f);
        assertEquals(start.layer(0).weights[0], merged.layer(0).weights[0], 1e-6f);
        assertArrayEquals(start.feedback(0), merged.feedback(0));
    }

    @Test
    void givenAnEdgePrunedInOnlyOneModel_whenAveraged_thenItStaysLive() throws IOException {
        GatingNetwork start = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 1);
        GatingNetwork a = copy(start);
        GatingNetwork b = copy(start);
        a.layer(0).mask[0] = 0f;
        a.layer(0).weights[0] = 0f;
        a.layer(0).prunedEdges = 1;
        b.layer(0).mask[1] = 0f;
        b.layer(0).weights[1] = 0f;
        a.layer(0).mask[1] = 0f;
        a.layer(0).weights[1] = 0f;
        // when averaged
        GatingNetwork merged = ModelAveraging.average(List.of(a, b), new long[] {1, 1});
        // then only the edge both pruned is pruned
        assertEquals(1f, merged.layer(0).mask[0]);
        assertEquals(0f, merged.layer(0).mask[1]);
        assertEquals(1, merged.layer(0).prunedEdges);
    }

    @Test
    void givenModelsOfDifferentSessions_whenAveraged_thenTheMismatchIsNamed() {
        GatingNetwork a = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 1);
        GatingNetwork otherSeed = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 2);
        GatingNetwork otherShape = GatingNetwork.create(NetworkShape.of(4, 5, 2), NetworkTrainingTest.GATING, 1);
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> ModelAveraging.average(List.of(a, otherSeed), new long[] {1, 1}));
        assertTrue(seed.getMessage().contains("model 1"), seed.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ModelAveraging.average(List.of(a, otherShape), new long[] {1, 1}));
        assertTrue(shape.getMessage().contains("shape"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelAveraging.average(List.of(a), new long[] {0}));
        GatingNetwork normalising = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 1,
                InputNormalization.of(new float[] {0, 0, 0, 0}, new float[] {2, 2, 2, 2}));
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> ModelAveraging.average(List.of(a, normalising), new long[] {1, 1}));
        assertTrue(input.getMessage().contains("normalisation"), input.getMessage());
    }

    @Test
    void givenANetwork_whenSentAsBytesAndBroken_thenTheSourceIsNamed() throws IOException {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(4, 3, 2), NetworkTrainingTest.GATING, 1);
        byte[] bytes = ClusterFile.toBytes(network);
        bytes[bytes.length / 2] ^= 1;
        IOException damaged = assertThrows(IOException.class, () -> ClusterFile.fromBytes(bytes, "capsule c-7"));
        assertTrue(damaged.getMessage().startsWith("capsule c-7 is damaged"), damaged.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(ClusterFile.toBytes(network), 40);
        IOException cut = assertThrows(IOException.class, () -> ClusterFile.fromBytes(truncated, "capsule c-8"));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }
}

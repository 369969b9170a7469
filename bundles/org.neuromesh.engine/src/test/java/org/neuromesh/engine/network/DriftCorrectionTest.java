package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;

class DriftCorrectionTest {

    private static GatingNetwork network() {
        return GatingNetwork.create(NetworkShape.of(3, 2, 2), NetworkTrainingTest.GATING, 4);
    }

    private static GatingNetwork copy(GatingNetwork network) throws IOException {
        return ClusterFile.fromBytes(ClusterFile.toBytes(network), "copy");
    }

    @Test
    void givenAMemberThatMovedInARound_whenItsDriftIsUpdated_thenItIsTheMeanStepPlusItsOldCorrection()
            throws IOException {
        // given a start x and a member model y that moved weight 0 by +0.8 in 4 steps
        GatingNetwork x = network();
        GatingNetwork y = copy(x);
        y.layer(0).weights[0] += 0.8f;
        DriftCorrection global = DriftCorrection.zero(x);
        DriftCorrection local = DriftCorrection.zero(x);
        // when the member's drift is computed
        DriftCorrection next = DriftCorrection.afterRound(x, y, 4, global, local);
        // then weight 0 drifts 0.2 per step and nothing else drifts: applying "global - next" pulls it back
        GatingNetwork z = copy(x);
        DriftCorrection.correctStep(z, global, next);
        assertEquals(x.layer(0).weights[0] - 0.2f, z.layer(0).weights[0], 1e-6f);
        assertEquals(x.layer(0).weights[1], z.layer(0).weights[1], 0f);
    }

    @Test
    void givenChangesFromSomeMembers_whenMerged_thenTheGlobalDriftMovesByTheirSumOverAllMembers() throws IOException {
        GatingNetwork x = network();
        GatingNetwork y = copy(x);
        y.layer(1).bias[1] += 3f;
        DriftCorrection zero = DriftCorrection.zero(x);
        DriftCorrection change = DriftCorrection.afterRound(x, y, 1, zero, zero).minus(zero);
        // when one of three members reports a change of +3 on that bias
        DriftCorrection global = zero.plusMeanOf(List.of(change), 3);
        // then the global drift on it is +1: a correction step with a zero local drift adds 1
        GatingNetwork z = copy(x);
        DriftCorrection.correctStep(z, global, zero);
        assertEquals(x.layer(1).bias[1] + 1f, z.layer(1).bias[1], 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> zero.plusMeanOf(List.of(change, change), 1));
    }

    @Test
    void givenDriftBytes_whenReadBack_thenEqualAndBrokenBytesAreNamed() throws IOException {
        GatingNetwork x = network();
        GatingNetwork y = copy(x);
        y.layer(0).weights[2] -= 0.5f;
        DriftCorrection drift = DriftCorrection.afterRound(x, y, 2, DriftCorrection.zero(x), DriftCorrection.zero(x));
        byte[] bytes = drift.toBytes();
        assertTrue(Arrays.equals(bytes, DriftCorrection.fromBytes(bytes, x, "drift").toBytes()));
        IOException truncated = assertThrows(IOException.class,
                () -> DriftCorrection.fromBytes(Arrays.copyOf(bytes, bytes.length - 1), x, "round 3 drift"));
        assertTrue(truncated.getMessage().contains("round 3 drift"), truncated.getMessage());
        GatingNetwork bigger = GatingNetwork.create(NetworkShape.of(3, 5, 2), NetworkTrainingTest.GATING, 4);
        IOException misfit = assertThrows(IOException.class, () -> DriftCorrection.fromBytes(bytes, bigger, "d"));
        assertTrue(misfit.getMessage().contains("belong"), misfit.getMessage());
    }

    @Test
    void givenATrainer_whenAStepHookIsSet_thenItRunsOncePerBatch() {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 4, 2), NetworkTrainingTest.GATING, 3);
        org.neuromesh.engine.math.MatrixKernels kernels = org.neuromesh.engine.math.Kernels.scalar(1);
        try {
            Trainer trainer = new Trainer(network, NetworkTrainingTest.deltaRule(0.1f), kernels,
                    TrainingOptions.defaults().withBatchSize(10));
            int[] calls = new int[1];
            trainer.afterEachStep(n -> calls[0]++);
            trainer.trainEpoch(ImageSamples.whole(NetworkTrainingTest.halves(95, 1), 2), Trainer.Progress.NONE,
                    () -> false);
            assertEquals(10, calls[0]);
        } finally {
            kernels.close();
        }
    }
}

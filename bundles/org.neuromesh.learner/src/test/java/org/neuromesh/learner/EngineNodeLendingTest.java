package org.neuromesh.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

/** A peer that never saw digits 5-9 borrows trained nodes for them from a peer that did. */
class EngineNodeLendingTest {

    private static final int[] HIGH = {5, 6, 7, 8, 9};

    @TempDir
    Path folder;

    private final MatrixKernels kernels = Kernels.create(2);

    @AfterEach
    void close() {
        kernels.close();
    }

    @Test
    void givenABorrowerWithoutDigits5to9_whenItGraftsNodesLentForThem_thenItRecognisesThem() throws IOException {
        // given a borrower trained on digits 0-4 and an owner trained on 5-9
        EngineNodeLending borrower = new EngineNodeLending(LearnerFixtures.classes(0, 1, 2, 3, 4),
                LearnerFixtures.rules(), kernels, folder.resolve("borrower.nmc"));
        EngineNodeLending owner = new EngineNodeLending(LearnerFixtures.classes(HIGH), LearnerFixtures.rules(),
                kernels, folder.resolve("owner.nmc"));
        double before = borrower.trainOwn("eligibility", List.of(64), 1, 1, () -> false).accuracyOn(HIGH);
        owner.trainOwn("eligibility", List.of(64), 1, 2, () -> false);
        // when the owner lends 32 nodes for 5-9 and the borrower grafts them
        NodePacket packet = owner.lend(Set.of(5, 6, 7, 8, 9), 32);
        Evaluation after = borrower.graft(packet);
        // then the borrower recognises digits 5-9 it could not before
        assertTrue(before < 0.05, "before: " + before);
        assertTrue(after.accuracyOn(HIGH) > before + 0.4, "before " + before + ", after " + after.accuracyOn(HIGH));
        // and it can return the nodes' state under the same id, and a restart keeps the grafted model
        NodePacket returned = borrower.snapshot(packet.packetId());
        assertEquals(packet.classes(), returned.classes());
        assertEquals(32, returned.nodes());
        EngineNodeLending restarted = new EngineNodeLending(LearnerFixtures.classes(0, 1, 2, 3, 4),
                LearnerFixtures.rules(), kernels, folder.resolve("borrower.nmc"));
        assertEquals(after.accuracy(), restarted.evaluateOwn().accuracy(), 1e-9);
    }

    @Test
    void givenAPeer_whenAskedForNodesOfClassesItNeverSaw_thenItRefusesNamingThem() throws IOException {
        EngineNodeLending owner = new EngineNodeLending(LearnerFixtures.classes(0, 1), LearnerFixtures.rules(),
                kernels, folder.resolve("owner.nmc"));
        IOException untrained = assertThrows(IOException.class, () -> owner.lend(Set.of(0), 4));
        assertTrue(untrained.getMessage().contains("no trained model"), untrained.getMessage());
        owner.trainOwn("eligibility", List.of(16), 1, 3, () -> false);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> owner.lend(Set.of(1, 7), 4));
        assertTrue(missing.getMessage().contains("[7]"), missing.getMessage());
    }
}

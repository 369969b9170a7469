package org.neuromesh.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

/** Four members holding two MNIST classes each learn together what none of them can learn alone. */
class EngineFederatedModelTest {

    private static final SessionPlan PLAN = new SessionPlan("test-session", "mnist", "eligibility", List.of(64), 12,
            10, 64, 7, 1.0, Duration.ofSeconds(30));

    private static MatrixKernels kernels;
    private static final List<EngineFederatedModel> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void members() throws IOException {
        kernels = Kernels.create(2);
        for (int p = 0; p < 4; p++) {
            MEMBERS.add(new EngineFederatedModel(LearnerFixtures.shard(4, p), LearnerFixtures.rules(), kernels));
        }
    }

    @AfterAll
    static void close() {
        kernels.close();
    }

    @Test
    void givenMembersWithTwoClassesEach_whenTheyRunASession_thenTheMergedModelBeatsEveryMemberAlone()
            throws IOException {
        // given four members whose data holds classes {0,1}, {2,3}, {4,5}, {6,7}
        assertEquals(Set.of(2, 3), MEMBERS.get(1).localData().classes());
        EngineFederatedModel aggregator = MEMBERS.get(0);
        GlobalState global = aggregator.start(PLAN);
        // when they train 12 rounds, the aggregator merging each round
        for (int round = 1; round <= PLAN.rounds(); round++) {
            List<LocalContribution> contributions = new ArrayList<>();
            for (EngineFederatedModel member : MEMBERS) {
                contributions.add(member.train(PLAN, global, () -> false));
            }
            global = aggregator.merge(PLAN, global, contributions, MEMBERS.size());
            assertEquals(round, global.round());
        }
        // then the merged model recognises the eight classes far better than any member's model trained alone
        double together = aggregator.evaluate(PLAN, global.model()).accuracyOn(0, 1, 2, 3, 4, 5, 6, 7);
        double bestAlone = 0;
        for (EngineFederatedModel member : MEMBERS) {
            bestAlone = Math.max(bestAlone,
                    member.evaluate(PLAN, member.trainAlone(PLAN, 2, () -> false)).accuracyOn(0, 1, 2, 3, 4, 5, 6, 7));
        }
        assertTrue(together > 0.75, "merged model: " + together);
        assertTrue(together > bestAlone + 0.3, "merged " + together + " vs best alone " + bestAlone);
    }

    @Test
    void givenOnePlan_whenStartedTwice_thenEveryMemberStartsFromTheSameModel() {
        assertArrayEquals(MEMBERS.get(0).start(PLAN).model(), MEMBERS.get(3).start(PLAN).model());
    }

    @Test
    void givenAContributionForAnotherRound_whenMerged_thenTheRoundIsNamed() throws IOException {
        GlobalState start = MEMBERS.get(0).start(PLAN);
        LocalContribution late = new LocalContribution(5, start.model(), new byte[0], 10, 0.5);
        IOException wrong = assertThrows(IOException.class,
                () -> MEMBERS.get(0).merge(PLAN, start, List.of(late), 4));
        assertTrue(wrong.getMessage().contains("round 5"), wrong.getMessage());
        LocalContribution garbage = new LocalContribution(1, new byte[] {1, 2, 3}, new byte[0], 10, 0.5);
        IOException broken = assertThrows(IOException.class,
                () -> MEMBERS.get(0).merge(PLAN, start, List.of(garbage), 4));
        assertTrue(broken.getMessage().contains("contribution 1 to round 1"), broken.getMessage());
    }
}

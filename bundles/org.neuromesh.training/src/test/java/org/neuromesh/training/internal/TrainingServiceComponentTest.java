package org.neuromesh.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;
import org.osgi.framework.Constants;

/** The service as DS wires it: rules come and go while runs go on. */
class TrainingServiceComponentTest {

    private static final TrainingPlan LONG_RUN = new TrainingPlan("mnist", "eligibility", List.of(32), 50, 32, 1,
            "none", "none", "constant", "paper", 0, 2000, null);

    private final TrainingServiceComponent service = new TrainingServiceComponent();
    private final LearningRule eligibility = new EligibilityTraceRule(0.05, 0, 0.9, 1e-4);

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void givenTwoRules_thenTheyAreListedHighestRankedFirst_andAnUnknownOneIsRefusedByName() {
        service.addRule(new EligibilityTraceRule(0.1, 0, 0.9, 1e-4), Map.of(LearningRule.NAME_PROPERTY, "other",
                Constants.SERVICE_RANKING, 5));
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility", Constants.SERVICE_RANKING,
                100));
        assertEquals(List.of("eligibility", "other"), service.rules());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> service.start(
                new TrainingPlan("mnist", "no-such-rule", List.of(8), 1, 8, 1, null, null, null, null, 0, 10, null),
                new TrainingListener() {
                }));
        assertTrue(refused.getMessage().contains("no-such-rule"), refused.getMessage());
    }

    @Test
    void givenARunOfARule_whenTheRuleIsRemoved_thenTheRunStopsWithAClearMessage() throws Exception {
        // given a long run of the eligibility rule, under way
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility", Constants.SERVICE_RANKING,
                100));
        CountDownLatch training = new CountDownLatch(1);
        TrainingHandle run = service.start(LONG_RUN, new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                training.countDown();
            }
        });
        assertTrue(training.await(60, TimeUnit.SECONDS));
        // when the rule's bundle goes away
        service.removeRule(eligibility);
        // then the run ends soon, cancelled, saying why
        TrainingResult result = run.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(result.cancelled(), result.toString());
        assertTrue(result.failure().contains("'eligibility' was removed"), result.failure());
        assertEquals(List.of(), service.rules());
    }

    @Test
    void givenARun_whenCancelled_thenItEndsWithoutFailure() throws Exception {
        service.addRule(eligibility, Map.of(LearningRule.NAME_PROPERTY, "eligibility"));
        CountDownLatch training = new CountDownLatch(1);
        TrainingHandle run = service.start(LONG_RUN, new TrainingListener() {
            @Override
            public void batches(int epoch, int done, int total, double meanLoss) {
                training.countDown();
            }
        });
        assertTrue(training.await(60, TimeUnit.SECONDS));
        run.cancel();
        TrainingResult result = run.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(result.cancelled() && !result.failed(), result.toString());
    }
}

package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

class LearningRateScheduleTest {

    private final MatrixKernels kernels = Kernels.create(1);

    @AfterEach
    void close() {
        kernels.close();
    }

    @Test
    void cosineFallsFromOneThroughAHalfTowardsZero() {
        LearningRateSchedule cosine = LearningRateSchedule.COSINE;
        // batch t of 8: (1 + cos(pi t / 8)) / 2
        assertEquals(1f, cosine.factor(0, 8), 1e-7f);
        assertEquals(0.9619397f, cosine.factor(1, 8), 1e-6f);
        assertEquals(0.8535534f, cosine.factor(2, 8), 1e-6f);
        assertEquals(0.5f, cosine.factor(4, 8), 1e-6f);
        assertEquals(0.0380602f, cosine.factor(7, 8), 1e-6f);
        // past the end it stays at the last batch's factor, above 0
        assertEquals(0.0380602f, cosine.factor(100, 8), 1e-6f);
        // a constant schedule, and a run of one batch, keep the rate
        assertEquals(1f, LearningRateSchedule.CONSTANT.factor(7, 8));
        assertEquals(1f, cosine.factor(0, 1));
    }

    @Test
    void namesAreParsedAndBadOnesRefused() {
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.fromName("Cosine"));
        assertEquals(LearningRateSchedule.CONSTANT, LearningRateSchedule.fromName("constant"));
        var wrong = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.fromName("step"));
        assertEquals("schedule must be constant or cosine, got 'step'", wrong.getMessage());
    }

    @Test
    void aRunOffersTheRuleTheCosineOfItsProgressBatchByBatch() {
        // given 10 samples in batches of 4 (3 batches per epoch) over 2 epochs, and a rule recording the factor
        List<Float> seen = new ArrayList<>();
        LearningRule recording = new LearningRule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("recording", "Recording", true, "test");
            }

            @Override
            public RuleState begin(NetworkShape shape, long seed) {
                return step -> seen.add(step.rateFactor());
            }
        };
        var images = NetworkTrainingTest.halves(10, 3);
        SampleSet samples = ImageSamples.whole(images, 2);
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 4, 2), NetworkTrainingTest.GATING, 1);
        TrainingOptions options = new TrainingOptions(4, 0.9f, 1, LearningRateSchedule.COSINE);
        // when the run trains
        new TrainingRun(network, recording, kernels, options, new TopologyPlan(0, 4, 0, 1, 0), null)
                .run(samples, samples, 2, new TrainingRun.Listener() { }, () -> false);
        // then the rule saw the 6 batches' factors in order, (1 + cos(pi t / 6)) / 2
        assertEquals(6, seen.size());
        for (int t = 0; t < 6; t++) {
            assertEquals((float) (0.5 * (1 + Math.cos(Math.PI * t / 6))), seen.get(t), 1e-6f, "batch " + t);
        }
        assertTrue(seen.get(5) > 0f);
    }

    @Test
    void aConstantScheduleOffersOne() {
        List<Float> seen = new ArrayList<>();
        LearningRule recording = new LearningRule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("recording", "Recording", true, "test");
            }

            @Override
            public RuleState begin(NetworkShape shape, long seed) {
                return step -> seen.add(step.rateFactor());
            }
        };
        SampleSet samples = ImageSamples.whole(NetworkTrainingTest.halves(10, 3), 2);
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(8, 4, 2), NetworkTrainingTest.GATING, 1);
        new TrainingRun(network, recording, kernels, new TrainingOptions(4, 0.9f, 1), new TopologyPlan(0, 4, 0, 1, 0),
                null).run(samples, samples, 2, new TrainingRun.Listener() { }, () -> false);
        assertEquals(List.of(1f, 1f, 1f, 1f, 1f, 1f), seen);
    }
}

package org.neuromesh.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SignalModulationTest {

    private final AtomicLong now = new AtomicLong();
    private final SignalModulation modulation = new SignalModulation("mnist", now::get);

    @Test
    void withoutSignalsLearningIsUnchanged() {
        assertEquals(1.0, modulation.gain());
    }

    @Test
    void anUrgentErrorRaisesTheGainWhichFadesWithItsHalfLife() {
        // given an error of 0.8 with urgency 0.5 on this peer's data
        assertTrue(modulation.add(0.8, 0.5, "mnist/digits-5-9"));
        // then the gain is 1.4 at once, 1.2 one half-life later, and back to 1 after many
        assertEquals(1.4, modulation.gain(), 1e-9);
        now.addAndGet((long) (SignalModulation.HALF_LIFE_SECONDS * 1e9));
        assertEquals(1.2, modulation.gain(), 1e-9);
        now.addAndGet((long) (20 * SignalModulation.HALF_LIFE_SECONDS * 1e9));
        assertEquals(1.0, modulation.gain(), 1e-9);
    }

    @Test
    void aRewardLowersTheGainWithinItsBounds() {
        modulation.add(-0.5, 1, "all");
        assertEquals(0.5, modulation.gain(), 1e-9);
        modulation.add(-10, 1, "mnist");
        assertEquals(SignalModulation.MIN_GAIN, modulation.gain());
        SignalModulation other = new SignalModulation("mnist", now::get);
        other.add(100, 1, "mnist");
        assertEquals(SignalModulation.MAX_GAIN, other.gain());
    }

    @Test
    void signalsAboutOtherDataAreIgnored() {
        assertFalse(modulation.add(1, 1, "fashion-mnist"));
        assertFalse(modulation.add(1, 1, "mnistic"));
        assertEquals(1.0, modulation.gain());
    }
}

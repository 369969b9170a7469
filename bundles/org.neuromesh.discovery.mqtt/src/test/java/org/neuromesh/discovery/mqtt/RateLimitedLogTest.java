package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.security.RejectionReason;

class RateLimitedLogTest {

    /** Collects what is logged. */
    private static final class Lines implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }

    @Test
    void givenAFlood_whenLogged_thenOneLinePerReasonAndIntervalAndTheNextCountsTheLeftOut() {
        Lines logger = new Lines();
        AtomicLong now = new AtomicLong(0);
        RateLimitedLog log = new RateLimitedLog(logger, 1_000, now::get);
        // when 100 lines of one reason and one of another arrive within the interval
        assertTrue(log.log(Level.WARNING, RejectionReason.MALFORMED, "bad 0"));
        for (int i = 1; i < 100; i++) {
            assertFalse(log.log(Level.WARNING, RejectionReason.MALFORMED, "bad " + i));
        }
        assertTrue(log.log(Level.WARNING, RejectionReason.OVERSIZED, "big"));
        // then two lines; after the interval the next line tells how many were left out
        assertEquals(List.of("bad 0", "big"), logger.lines);
        now.set(1_000);
        assertTrue(log.log(Level.WARNING, RejectionReason.MALFORMED, "bad again"));
        assertEquals("bad again (99 similar left out)", logger.lines.get(2));
    }
}

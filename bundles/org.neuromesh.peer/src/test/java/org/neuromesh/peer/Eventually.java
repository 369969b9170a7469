package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does. */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail(what + " did not happen within " + limit.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }
}

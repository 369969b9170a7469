package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SignalCodecTest {

    @Test
    void givenASignal_whenWrittenAndRead_thenItSurvives() throws IOException {
        SignalCodec.Body body = new SignalCodec.Body(-0.75, 0.5, "mnist/5-9");
        assertEquals(body, SignalCodec.read(SignalCodec.write(body)));
    }

    @Test
    void givenBadSignals_whenMadeOrRead_thenTheyAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new SignalCodec.Body(Double.NaN, 0.5, "t"));
        assertThrows(IllegalArgumentException.class, () -> new SignalCodec.Body(1, 1.5, "t"));
        assertThrows(IllegalArgumentException.class, () -> new SignalCodec.Body(1, 0.5, " "));
        byte[] bytes = SignalCodec.write(new SignalCodec.Body(1, 0.5, "topic"));
        IOException truncated = assertThrows(IOException.class,
                () -> SignalCodec.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(truncated.getMessage().contains("error signal is truncated"), truncated.getMessage());
        bytes[8] = 0x7F; // urgency becomes a huge number
        IOException invalid = assertThrows(IOException.class, () -> SignalCodec.read(bytes));
        assertTrue(invalid.getMessage().contains("urgency"), invalid.getMessage());
    }
}

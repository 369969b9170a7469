package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.federation.NodePacket;

class LendingCodecTest {

    private static final NodePacket PACKET = new NodePacket("p-1", new TreeSet<>(Set.of(5, 7)), 3,
            new byte[] {1, 2, 3, 4});

    @Test
    void givenEveryBorrowingMessage_whenWrittenAndRead_thenItSurvives() throws IOException {
        LendingCodec.Request request = new LendingCodec.Request("r-1", new TreeSet<>(Set.of(9, 5)), 32, 40);
        assertEquals(request, LendingCodec.readRequest(LendingCodec.request(request)));
        assertEquals(new LendingCodec.Offer("r-1", 32), LendingCodec.readOffer(LendingCodec.offer(
                new LendingCodec.Offer("r-1", 32))));
        assertEquals(new LendingCodec.Accept("r-1", 32), LendingCodec.readAccept(LendingCodec.accept(
                new LendingCodec.Accept("r-1", 32))));
        LendingCodec.Delivery delivery = LendingCodec.readDelivery(LendingCodec.delivery(
                new LendingCodec.Delivery("r-1", 32, PACKET)));
        assertEquals("r-1", delivery.requestId());
        assertEquals(32, delivery.price());
        assertEquals(PACKET.classes(), delivery.packet().classes());
        assertArrayEquals(PACKET.state(), delivery.packet().state());
        NodePacket back = LendingCodec.readNodeReturn(LendingCodec.nodeReturn(PACKET));
        assertEquals("p-1", back.packetId());
        assertEquals(3, back.nodes());
    }

    @Test
    void givenTruncatedOrLongerBodies_whenRead_thenTheyAreRefusedNamingTheMessage() {
        byte[] request = LendingCodec.request(new LendingCodec.Request("r-1", new TreeSet<>(Set.of(1)), 4, 4));
        IOException truncated = assertThrows(IOException.class,
                () -> LendingCodec.readRequest(Arrays.copyOf(request, request.length - 1)));
        assertTrue(truncated.getMessage().contains("node request is truncated"), truncated.getMessage());
        byte[] offer = LendingCodec.offer(new LendingCodec.Offer("r-1", 4));
        IOException longer = assertThrows(IOException.class,
                () -> LendingCodec.readOffer(Arrays.copyOf(offer, offer.length + 2)));
        assertTrue(longer.getMessage().contains("node offer has unexpected bytes"), longer.getMessage());
        byte[] delivery = LendingCodec.delivery(new LendingCodec.Delivery("r-1", 4, PACKET));
        delivery[delivery.length - 5] = 0x7F; // the state's length: far beyond the payload
        IOException lying = assertThrows(IOException.class, () -> LendingCodec.readDelivery(delivery));
        assertTrue(lying.getMessage().contains("node packet: a field declares"), lying.getMessage());
    }

    @Test
    void givenInvalidFields_whenRead_thenTheyAreRefusedAsInvalid() {
        byte[] negative = BodyCodec.write(out -> {
            out.writeUTF("r-1");
            out.writeLong(-3);
        });
        IOException invalid = assertThrows(IOException.class, () -> LendingCodec.readOffer(negative));
        assertTrue(invalid.getMessage().contains("node offer is invalid"), invalid.getMessage());
        byte[] twice = BodyCodec.write(out -> {
            out.writeUTF("r-1");
            out.writeShort(2);
            out.writeInt(3);
            out.writeInt(3);
            out.writeInt(4);
            out.writeLong(4);
        });
        IOException repeated = assertThrows(IOException.class, () -> LendingCodec.readRequest(twice));
        assertTrue(repeated.getMessage().contains("class 3 twice"), repeated.getMessage());
    }
}

package org.neuromesh.peer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SortedSet;

import org.neuromesh.api.federation.NodePacket;

/**
 * Bodies of the borrowing messages ({@code nodes.request}, {@code nodes.offer}, {@code nodes.accept},
 * {@code nodes.receipt}) and payloads of the {@code node-packet} and {@code node-return} capsules. Reading is strict (see {@link BodyCodec}).
 */
final class LendingCodec {

    static final String REQUEST = "nodes.request";
    static final String OFFER = "nodes.offer";
    static final String ACCEPT = "nodes.accept";
    static final String RECEIPT = "nodes.receipt";
    static final String NODE_PACKET = "node-packet";
    static final String NODE_RETURN = "node-return";

    private LendingCodec() {
    }

    /** A borrower asks everyone for {@code nodes} nodes serving {@code classes}, paying at most the credits. */
    record Request(String requestId, SortedSet<Integer> classes, int nodes, long creditsOffered) {
        Request {
            if (requestId == null || requestId.isBlank()) {
                throw new IllegalArgumentException("node request needs an id");
            }
            if (nodes < 1) {
                throw new IllegalArgumentException("node request " + requestId + " asks for " + nodes + " nodes");
            }
            if (creditsOffered < 0) {
                throw new IllegalArgumentException("node request " + requestId + " offers negative credits");
            }
        }
    }

    /** An owner can lend for a request, at this price. */
    record Offer(String requestId, long price) {
        Offer {
            if (price < 0) {
                throw new IllegalArgumentException("offer for " + requestId + " has a negative price " + price);
            }
        }
    }

    /** The borrower takes an owner's offer (repeating the price it agrees to). */
    /** The borrower opened the node packet of {@code requestId}: the owner may now book the price. */
    record Receipt(String requestId, String packetId, long price) {
    }

    record Accept(String requestId, long price) {
    }

    /** The lent nodes, to the borrower only. */
    record Delivery(String requestId, long price, NodePacket packet) {
    }

    static byte[] request(Request request) {
        return BodyCodec.write(out -> {
            out.writeUTF(request.requestId());
            BodyCodec.classes(out, request.classes());
            out.writeInt(request.nodes());
            out.writeLong(request.creditsOffered());
        });
    }

    static Request readRequest(byte[] body) throws IOException {
        return BodyCodec.read(body, "node request", in -> new Request(in.readUTF(),
                BodyCodec.classes(in, "node request"), in.readInt(), in.readLong()));
    }

    static byte[] offer(Offer offer) {
        return BodyCodec.write(out -> {
            out.writeUTF(offer.requestId());
            out.writeLong(offer.price());
        });
    }

    static Offer readOffer(byte[] body) throws IOException {
        return BodyCodec.read(body, "node offer", in -> new Offer(in.readUTF(), in.readLong()));
    }

    static byte[] accept(Accept accept) {
        return BodyCodec.write(out -> {
            out.writeUTF(accept.requestId());
            out.writeLong(accept.price());
        });
    }

    static Accept readAccept(byte[] body) throws IOException {
        return BodyCodec.read(body, "node accept", in -> new Accept(in.readUTF(), in.readLong()));
    }

    static byte[] receipt(Receipt receipt) {
        return BodyCodec.write(out -> {
            out.writeUTF(receipt.requestId());
            out.writeUTF(receipt.packetId());
            out.writeLong(receipt.price());
        });
    }

    static Receipt readReceipt(byte[] body) throws IOException {
        return BodyCodec.read(body, "node receipt", in -> new Receipt(in.readUTF(), in.readUTF(), in.readLong()));
    }

    static byte[] delivery(Delivery delivery) {
        return BodyCodec.write(out -> {
            out.writeUTF(delivery.requestId());
            out.writeLong(delivery.price());
            packet(out, delivery.packet());
        });
    }

    static Delivery readDelivery(byte[] payload) throws IOException {
        return BodyCodec.read(payload, "node packet", in -> new Delivery(in.readUTF(), in.readLong(),
                packet(in, "node packet")));
    }

    static byte[] nodeReturn(NodePacket packet) {
        return BodyCodec.write(out -> packet(out, packet));
    }

    static NodePacket readNodeReturn(byte[] payload) throws IOException {
        return BodyCodec.read(payload, "node return", in -> packet(in, "node return"));
    }

    private static void packet(DataOutputStream out, NodePacket packet) throws IOException {
        out.writeUTF(packet.packetId());
        BodyCodec.classes(out, packet.classes());
        out.writeInt(packet.nodes());
        BodyCodec.blob(out, packet.state());
    }

    private static NodePacket packet(DataInputStream in, String what) throws IOException {
        return new NodePacket(in.readUTF(), BodyCodec.classes(in, what), in.readInt(), BodyCodec.blob(in, what));
    }
}

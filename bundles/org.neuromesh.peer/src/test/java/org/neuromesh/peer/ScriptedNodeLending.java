package org.neuromesh.peer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;

/**
 * TEST DOUBLE of {@link NodeLending}, learning nothing: it "holds" some classes, lends packets of marker bytes for
 * them (refusing others, as the real one does), and a graft sets the accuracy on the packet's classes to a scripted
 * value. Enough to test the runtime's protocol; the real grafting is tested in the learner bundle.
 */
final class ScriptedNodeLending implements NodeLending {

    private static final int CLASSES = 10;

    private final SortedSet<Integer> held;
    private final double accuracyWithBorrowedNodes;
    private final double[] perClass = new double[CLASSES];
    private final Map<String, NodePacket> grafted = new ConcurrentHashMap<>();

    /** Knows {@code held} classes (accuracy 0.9), nothing of the others (0.0). */
    ScriptedNodeLending(Set<Integer> held, double accuracyWithBorrowedNodes) {
        this.held = new TreeSet<>(held);
        this.accuracyWithBorrowedNodes = accuracyWithBorrowedNodes;
        for (int c = 0; c < CLASSES; c++) {
            perClass[c] = held.contains(c) ? 0.9 : 0.0;
        }
    }

    @Override
    public Evaluation trainOwn(String rule, List<Integer> hidden, int epochs, long seed, BooleanSupplier stop) {
        return evaluateOwn();
    }

    @Override
    public synchronized NodePacket lend(Set<Integer> classes, int count) {
        SortedSet<Integer> missing = new TreeSet<>(classes);
        missing.removeAll(held);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("this peer has no data of classes " + missing);
        }
        return new NodePacket(UUID.randomUUID().toString(), new TreeSet<>(classes), count,
                ("scripted nodes for " + classes).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized Evaluation graft(NodePacket packet) {
        if (grafted.putIfAbsent(packet.packetId(), packet) != null) {
            throw new IllegalArgumentException("node packet " + packet.packetId() + " is already grafted");
        }
        packet.classes().forEach(c -> perClass[c] = accuracyWithBorrowedNodes);
        return evaluateOwn();
    }

    @Override
    public synchronized NodePacket snapshot(String packetId) {
        NodePacket packet = grafted.get(packetId);
        if (packet == null) {
            throw new IllegalArgumentException("no grafted node packet " + packetId);
        }
        return new NodePacket(packetId, packet.classes(), packet.nodes(),
                ("used " + new String(packet.state(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized Evaluation evaluateOwn() {
        return new Evaluation(Arrays.stream(perClass).average().orElse(0), perClass, 1000);
    }

    synchronized Set<String> grafted() {
        return Set.copyOf(grafted.keySet());
    }
}

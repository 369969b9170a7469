package org.neuromesh.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.LentNodes;
import org.neuromesh.engine.network.NodeTransplant;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.engine.network.Trainer;

/**
 * Lends nodes of this peer's own model and grafts borrowed ones into it. The own model lives in a cluster file
 * (written atomically after every change), so a restart keeps trained and borrowed nodes.
 */
public final class EngineNodeLending implements NodeLending {

    private record Graft(int firstNode, LentNodes nodes) {
    }

    private final LocalDataSet data;
    private final RuleRegistry rules;
    private final MatrixKernels kernels;
    private final Path modelFile;
    private final Map<String, Graft> grafts = new ConcurrentHashMap<>();
    private final DoubleSupplier errorGain;
    private GatingNetwork own;

    public EngineNodeLending(LocalDataSet data, RuleRegistry rules, MatrixKernels kernels, Path modelFile)
            throws IOException {
        this(data, rules, kernels, modelFile, () -> 1.0);
    }

    /**
     * @param errorGain the gain on the output error while the own model trains (other peers' error signals, see
     *        {@link SignalModulation})
     */
    public EngineNodeLending(LocalDataSet data, RuleRegistry rules, MatrixKernels kernels, Path modelFile,
            DoubleSupplier errorGain) throws IOException {
        this.errorGain = errorGain;
        this.data = data;
        this.rules = rules;
        this.kernels = kernels;
        this.modelFile = modelFile;
        this.own = Files.exists(modelFile) ? ClusterFile.read(modelFile) : null;
    }

    @Override
    public synchronized Evaluation trainOwn(String rule, List<Integer> hidden, int epochs, long seed,
            BooleanSupplier stop) throws IOException {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        GatingNetwork network = NetworkSettings.create(hidden, seed);
        Trainer trainer = new Trainer(network, rules.choose(rule).begin(network.shape(), seed), kernels,
                NetworkSettings.options(128, seed));
        trainer.modulateErrorBy(errorGain);
        var samples = ImageSamples.whole(data.train(), NetworkSettings.CLASSES);
        for (int e = 0; e < epochs && !stop.getAsBoolean(); e++) {
            trainer.trainEpoch(samples, Trainer.Progress.NONE, stop);
        }
        ClusterFile.write(network, modelFile);
        own = network;
        grafts.clear();
        return PerClassEvaluation.of(own, data.test(), kernels);
    }

    @Override
    public synchronized NodePacket lend(Set<Integer> classes, int count) throws IOException {
        GatingNetwork model = requireOwn();
        SortedSet<Integer> held = data.describe().classes();
        SortedSet<Integer> missing = new TreeSet<>(classes);
        missing.removeAll(held);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("this peer has no data of classes " + missing
                    + ", so it has no trained nodes for them; it holds " + held);
        }
        LentNodes nodes = NodeTransplant.select(model, classes.stream().mapToInt(Integer::intValue).toArray(), count);
        return packet(UUID.randomUUID().toString(), nodes);
    }

    @Override
    public synchronized Evaluation graft(NodePacket packet) throws IOException {
        GatingNetwork model = requireOwn();
        if (grafts.containsKey(packet.packetId())) {
            throw new IllegalArgumentException("node packet " + packet.packetId() + " is already grafted");
        }
        LentNodes nodes = LentNodes.fromBytes(packet.state(), "node packet " + packet.packetId());
        // classes this peer never saw: its own weights to them only learnt to say no, so the lent nodes take over
        boolean takeOver = packet.classes().stream().noneMatch(data.describe().classes()::contains);
        int first;
        try {
            first = NodeTransplant.graft(model, nodes, takeOver);
        } catch (IllegalArgumentException misfit) {
            throw new IOException("node packet " + packet.packetId() + " does not fit: " + misfit.getMessage(),
                    misfit);
        }
        grafts.put(packet.packetId(), new Graft(first, nodes));
        ClusterFile.write(model, modelFile);
        return PerClassEvaluation.of(model, data.test(), kernels);
    }

    @Override
    public synchronized NodePacket snapshot(String packetId) throws IOException {
        Graft graft = grafts.get(packetId);
        if (graft == null) {
            throw new IllegalArgumentException("no grafted node packet " + packetId + "; grafted: " + grafts.keySet());
        }
        return packet(packetId, NodeTransplant.snapshot(requireOwn(), graft.firstNode(), graft.nodes()));
    }

    @Override
    public synchronized Evaluation evaluateOwn() throws IOException {
        return PerClassEvaluation.of(requireOwn(), data.test(), kernels);
    }

    private GatingNetwork requireOwn() throws IOException {
        if (own == null) {
            throw new IOException("this peer has no trained model of its own yet (" + modelFile
                    + " does not exist); train one first");
        }
        return own;
    }

    private static NodePacket packet(String id, LentNodes nodes) {
        SortedSet<Integer> classes = new TreeSet<>();
        for (int c : nodes.classes()) {
            classes.add(c);
        }
        return new NodePacket(id, classes, nodes.count(), nodes.toBytes());
    }
}

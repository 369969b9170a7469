package org.neuromesh.learner.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.LocalData;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.learner.EngineFederatedModel;
import org.neuromesh.learner.EngineNodeLending;
import org.neuromesh.learner.LocalDataSet;
import org.neuromesh.learner.LocalDataSpec;
import org.neuromesh.learner.SignalModulation;
import org.neuromesh.peer.ErrorSignal;
import org.neuromesh.peer.ModulationSink;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers the engine's federated model and node lending for this peer's local data, once configured (a peer without
 * data configured takes part in nothing). Reads the data at activation
 * (a configuration change re-creates the component); fails activation with the reason when the data is missing.
 */
@Component(configurationPid = LearnerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = { FederatedModel.class, NodeLending.class, ModulationSink.class }, property = {
        FederatedModel.NAME_PROPERTY + "=engine", NodeLending.NAME_PROPERTY + "=engine" })
@Designate(ocd = LearnerConfig.class)
public class LearnerComponent implements FederatedModel, NodeLending, ModulationSink {

    private static final System.Logger LOG = System.getLogger(LearnerComponent.class.getName());

    private final RuleRegistry rules = new RuleRegistry();
    private MatrixKernels kernels;
    private EngineFederatedModel federated;
    private EngineNodeLending lending;
    private volatile SignalModulation modulation;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(LearningRule rule, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        rules.add(rule, String.valueOf(properties.get(LearningRule.NAME_PROPERTY)),
                ranking instanceof Integer r ? r : 0);
    }

    void removeRule(LearningRule rule) {
        rules.remove(rule);
    }

    @Activate
    void activate(LearnerConfig config) throws IOException {
        Dataset dataset = Dataset.fromName(config.dataset());
        Path directory = config.dataDirectory().isBlank() ? dataset.defaultDirectory()
                : Path.of(config.dataDirectory());
        LocalDataSpec spec = new LocalDataSpec(dataset, directory, LocalDataSpec.parseClasses(config.classes()),
                config.shardPeers(), config.classesPerPeer(), config.shardIndex(), config.shardSeed());
        LocalDataSet data = LocalDataSet.load(spec);
        kernels = Kernels.create(config.threads());
        SignalModulation signals = new SignalModulation(dataset.id(), System::nanoTime);
        modulation = signals;
        federated = new EngineFederatedModel(data, rules, kernels, signals::gain);
        lending = new EngineNodeLending(data, rules, kernels, ownModelFile(config), signals::gain);
        LocalData described = data.describe();
        LOG.log(System.Logger.Level.INFO, "learner ready: {0}, classes {1}, {2} training samples",
                described.dataset(), described.classes(), described.trainSamples());
    }

    @Deactivate
    void deactivate() {
        if (kernels != null) {
            kernels.close();
        }
    }

    private static Path ownModelFile(LearnerConfig config) {
        if (!config.ownModelFile().isBlank()) {
            return Path.of(config.ownModelFile());
        }
        String home = System.getProperty("neuromesh.home", System.getProperty("user.home") + "/.neuromesh");
        return Path.of(home, "learner", "own-model.nmc");
    }

    /** Other peers' error signals modulate this peer's training (see {@link SignalModulation}). */
    @Override
    public void modulate(ErrorSignal signal) {
        SignalModulation signals = modulation;
        if (signals != null && signals.add(signal.value(), signal.urgency(), signal.topic())) {
            LOG.log(System.Logger.Level.INFO, "error signal {0} (urgency {1}, topic {2}) from {3}: the error gain of"
                    + " training is now {4}", signal.value(), signal.urgency(), signal.topic(),
                    signal.sender().shortForm(), String.format(Locale.ROOT, "%.3f", signals.gain()));
        }
    }

    @Override
    public LocalData localData() {
        return federated.localData();
    }

    @Override
    public GlobalState start(SessionPlan plan) throws IOException {
        return federated.start(plan);
    }

    @Override
    public LocalContribution train(SessionPlan plan, GlobalState global, BooleanSupplier stop) throws IOException {
        return federated.train(plan, global, stop);
    }

    @Override
    public GlobalState merge(SessionPlan plan, GlobalState previous, List<LocalContribution> contributions,
            int members) throws IOException {
        return federated.merge(plan, previous, contributions, members);
    }

    @Override
    public Evaluation evaluate(SessionPlan plan, byte[] model) throws IOException {
        return federated.evaluate(plan, model);
    }

    @Override
    public byte[] trainAlone(SessionPlan plan, int maxPasses, BooleanSupplier stop) throws IOException {
        return federated.trainAlone(plan, maxPasses, stop);
    }

    @Override
    public void sessionEnded(String sessionId) {
        federated.sessionEnded(sessionId);
    }

    @Override
    public Evaluation trainOwn(String rule, List<Integer> hidden, int epochs, long seed, BooleanSupplier stop)
            throws IOException {
        return lending.trainOwn(rule, hidden, epochs, seed, stop);
    }

    @Override
    public NodePacket lend(Set<Integer> classes, int count) throws IOException {
        return lending.lend(classes, count);
    }

    @Override
    public Evaluation graft(NodePacket packet) throws IOException {
        return lending.graft(packet);
    }

    @Override
    public NodePacket snapshot(String packetId) throws IOException {
        return lending.snapshot(packetId);
    }

    @Override
    public Evaluation evaluateOwn() throws IOException {
        return lending.evaluateOwn();
    }
}

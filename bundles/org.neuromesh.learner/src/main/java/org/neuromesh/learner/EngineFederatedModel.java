package org.neuromesh.learner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.LocalData;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.math.MatrixKernels;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.DriftCorrection;
import org.neuromesh.engine.network.EpochStats;
import org.neuromesh.engine.network.GatingNetwork;
import org.neuromesh.engine.network.ImageSamples;
import org.neuromesh.engine.network.ModelAveraging;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.engine.network.SampleSet;
import org.neuromesh.engine.network.Trainer;

/**
 * Federated rounds on the engine: members train a few batches from the global model with drift correction
 * ({@link DriftCorrection}), the aggregator averages their models by sample count and updates the global drift,
 * which travels back as the global modulatory signal.
 *
 * <p>A member keeps, per session, its rule state (so momentum carries across rounds), its own drift and its
 * position in its data. Only one training runs at a time.
 */
public final class EngineFederatedModel implements FederatedModel {

    /** What a member keeps between the rounds of one session. */
    private static final class Membership {
        final RuleState rule;
        DriftCorrection drift;
        int position;

        Membership(RuleState rule, DriftCorrection drift) {
            this.rule = rule;
            this.drift = drift;
        }
    }

    private final LocalDataSet data;
    private final SampleSet trainSamples;
    private final RuleRegistry rules;
    private final MatrixKernels kernels;
    private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
    private final DoubleSupplier errorGain;

    public EngineFederatedModel(LocalDataSet data, RuleRegistry rules, MatrixKernels kernels) {
        this(data, rules, kernels, () -> 1.0);
    }

    /**
     * @param errorGain the gain on the output error while training session rounds (other peers' error signals,
     *        see {@link SignalModulation}); the baseline trained alone is never modulated
     */
    public EngineFederatedModel(LocalDataSet data, RuleRegistry rules, MatrixKernels kernels,
            DoubleSupplier errorGain) {
        this.errorGain = errorGain;
        this.data = data;
        this.trainSamples = ImageSamples.whole(data.train(), NetworkSettings.CLASSES);
        this.rules = rules;
        this.kernels = kernels;
    }

    @Override
    public LocalData localData() {
        return data.describe();
    }

    @Override
    public GlobalState start(SessionPlan plan) {
        GatingNetwork network = NetworkSettings.create(plan.hidden(), plan.seed());
        return new GlobalState(0, ClusterFile.toBytes(network), DriftCorrection.zero(network).toBytes());
    }

    @Override
    public synchronized LocalContribution train(SessionPlan plan, GlobalState global, BooleanSupplier stop)
            throws IOException {
        String source = "global model of round " + global.round() + " of session " + plan.sessionId();
        GatingNetwork start = ClusterFile.fromBytes(global.model(), source);
        DriftCorrection globalDrift = global.modulation().length == 0 ? DriftCorrection.zero(start)
                : DriftCorrection.fromBytes(global.modulation(), start, "modulation of " + source);
        Membership member = memberships.computeIfAbsent(plan.sessionId(), id -> new Membership(
                rules.choose(plan.rule()).begin(start.shape(), plan.seed()), DriftCorrection.zero(start)));
        GatingNetwork local = ClusterFile.fromBytes(global.model(), source);
        Trainer trainer = new Trainer(local, member.rule, kernels,
                NetworkSettings.options(plan.batchSize(), plan.seed() + global.round()));
        DriftCorrection ownDrift = member.drift;
        trainer.afterEachStep(network -> DriftCorrection.correctStep(network, globalDrift, ownDrift));
        trainer.modulateErrorBy(errorGain);
        int window = plan.localSteps() * plan.batchSize();
        EpochStats stats = trainer.trainEpoch(new RotatingWindow(trainSamples, window, member.position),
                Trainer.Progress.NONE, stop);
        member.position = (member.position + stats.samples()) % trainSamples.size();
        if (stats.samples() == 0) {
            throw new IOException("training for round " + (global.round() + 1) + " was stopped before its first batch");
        }
        int steps = (stats.samples() + plan.batchSize() - 1) / plan.batchSize();
        DriftCorrection next = DriftCorrection.afterRound(start, local, steps, globalDrift, ownDrift);
        member.drift = next;
        return new LocalContribution(global.round() + 1, ClusterFile.toBytes(local), next.minus(ownDrift).toBytes(),
                stats.samples(), stats.meanLoss());
    }

    @Override
    public GlobalState merge(SessionPlan plan, GlobalState previous, List<LocalContribution> contributions,
            int members) throws IOException {
        if (contributions.isEmpty()) {
            throw new IOException("round " + (previous.round() + 1) + " of session " + plan.sessionId()
                    + " has no contribution to merge");
        }
        int round = previous.round() + 1;
        GatingNetwork before = ClusterFile.fromBytes(previous.model(), "global model of round " + previous.round());
        DriftCorrection drift = previous.modulation().length == 0 ? DriftCorrection.zero(before)
                : DriftCorrection.fromBytes(previous.modulation(), before, "modulation of round " + previous.round());
        List<GatingNetwork> models = new ArrayList<>();
        List<DriftCorrection> changes = new ArrayList<>();
        long[] samples = new long[contributions.size()];
        for (int i = 0; i < contributions.size(); i++) {
            LocalContribution c = contributions.get(i);
            String source = "contribution " + (i + 1) + " to round " + round;
            if (c.round() != round) {
                throw new IOException(source + " says it belongs to round " + c.round());
            }
            models.add(ClusterFile.fromBytes(c.model(), source));
            if (c.modulation().length > 0) {
                changes.add(DriftCorrection.fromBytes(c.modulation(), before, "drift of " + source));
            }
            // weighted by what the plan allows a member at most, never by a bigger claim
            samples[i] = Math.min(c.samples(), (long) plan.localSteps() * plan.batchSize());
        }
        GatingNetwork merged;
        try {
            merged = ModelAveraging.average(models, samples);
        } catch (IllegalArgumentException misfit) {
            throw new IOException("round " + round + ": " + misfit.getMessage(), misfit);
        }
        DriftCorrection nextDrift = drift.plusMeanOf(changes, Math.max(members, changes.size()));
        return new GlobalState(round, ClusterFile.toBytes(merged), nextDrift.toBytes());
    }

    @Override
    public Evaluation evaluate(SessionPlan plan, byte[] model) throws IOException {
        return PerClassEvaluation.of(ClusterFile.fromBytes(model, "model to evaluate"), data.test(), kernels);
    }

    @Override
    public synchronized byte[] trainAlone(SessionPlan plan, int maxPasses, BooleanSupplier stop) throws IOException {
        GatingNetwork network = NetworkSettings.create(plan.hidden(), plan.seed());
        Trainer trainer = new Trainer(network, rules.choose(plan.rule()).begin(network.shape(), plan.seed()),
                kernels, NetworkSettings.options(plan.batchSize(), plan.seed()));
        long planned = (long) plan.rounds() * plan.localSteps() * plan.batchSize();
        long samples = Math.min(planned, (long) maxPasses * trainSamples.size());
        int position = 0;
        while (samples > 0 && !stop.getAsBoolean()) {
            int window = (int) Math.min(samples, trainSamples.size());
            EpochStats stats = trainer.trainEpoch(new RotatingWindow(trainSamples, window, position),
                    Trainer.Progress.NONE, stop);
            position = (position + stats.samples()) % trainSamples.size();
            samples -= Math.max(stats.samples(), 1);
        }
        return ClusterFile.toBytes(network);
    }

    @Override
    public void sessionEnded(String sessionId) {
        memberships.remove(sessionId);
    }
}

package org.neuromesh.engine.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.engine.math.MatrixKernels;

/**
 * Trains for a number of epochs: after each one it classifies the validation samples (if there are any), applies
 * the topology plan, and saves a checkpoint (atomically). A stop request ends the current epoch after its batch and
 * still saves. The test set is not its business: a caller evaluates it once, after the run
 * ({@link #evaluate}).
 */
public final class TrainingRun {

    /** What a run reports while it works; called on the training thread. */
    public interface Listener {
        /** After every batch. */
        default void batchDone(int epoch, int samplesDone, int samplesTotal, double meanLoss) {
        }

        /** After every batch, with the share of the epoch's samples so far that were right; tells the above. */
        default void batchDone(int epoch, int samplesDone, int samplesTotal, double meanLoss, double accuracySoFar) {
            batchDone(epoch, samplesDone, samplesTotal, meanLoss);
        }

        /** After every epoch, with its validation accuracy if the run has a validation set. */
        default void epochDone(EpochReport report) {
        }

        /** After a checkpoint was written. */
        default void saved(Path file) {
        }
    }

    private final GatingNetwork network;
    private final LearningRule rule;
    private final MatrixKernels kernels;
    private final TrainingOptions options;
    private final TopologyPlan plan;
    private final Path checkpoint;
    private Trainer trainer;

    /**
     * @param checkpoint file to save the network to after each epoch, or {@code null} for none
     */
    public TrainingRun(GatingNetwork network, LearningRule rule, MatrixKernels kernels, TrainingOptions options,
            TopologyPlan plan, Path checkpoint) {
        this.network = Objects.requireNonNull(network, "network");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        this.options = Objects.requireNonNull(options, "options");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.checkpoint = checkpoint;
    }

    /**
     * Runs up to {@code epochs} epochs.
     *
     * @param validation samples held out of the training set, classified after every epoch; {@code null} for none
     * @return one report per epoch run (the last one may be a stopped, partial epoch)
     * @throws IllegalArgumentException if the samples do not fit the network, or the rule cannot learn them
     * @throws TrainingDivergedException if training produced NaN; the last good checkpoint is left in place
     * @throws UncheckedIOException if a checkpoint cannot be written
     */
    public List<EpochReport> run(SampleSet train, SampleSet validation, int epochs, Listener listener,
            BooleanSupplier stop) {
        if (train.timeSteps() > 1 && !rule.info().learnsSequences()) {
            throw new IllegalArgumentException("rule '" + rule.info().name() + "' does not learn sequences; "
                    + "use a rule that does, such as 'eligibility'");
        }
        RuleState state = rule.begin(network.shape(), options.seed());
        trainer = new Trainer(network, state, kernels, options);
        long totalBatches = epochs * Trainer.batchesPerEpoch(train, options);
        trainer.planSchedule(0, totalBatches);
        List<EpochReport> reports = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int current = epoch;
            EpochStats stats = trainer.trainEpoch(train,
                    (done, total, loss, accuracy) -> listener.batchDone(current, done, total, loss, accuracy), stop);
            Optional<Evaluation> checked = validation == null ? Optional.empty()
                    : Optional.of(trainer.evaluateInDetail(validation));
            String change = "";
            if (!stats.stopped() && epoch < epochs && plan.changesAnything()) {
                change = changeTopology(epoch);
                if (!change.isEmpty()) {
                    state = rule.begin(network.shape(), options.seed() + epoch);
                    long learned = trainer.batchesLearned();
                    trainer = new Trainer(network, state, kernels, options.withSeed(options.seed() + epoch));
                    trainer.planSchedule(learned, totalBatches);
                }
            }
            EpochReport report = new EpochReport(epoch, stats, checked, hiddenNodes(), network.liveEdges(),
                    network.totalEdges(), change);
            reports.add(report);
            listener.epochDone(report);
            save(listener);
            if (stats.stopped()) {
                break;
            }
        }
        return reports;
    }

    /**
     * Classifies {@code samples} with the network as trained so far, without learning (e.g. the test set, once,
     * after the run).
     */
    public Evaluation evaluate(SampleSet samples) {
        if (trainer == null) {
            trainer = new Trainer(network, rule.begin(network.shape(), options.seed()), kernels, options);
        }
        return trainer.evaluateInDetail(samples);
    }

    private String changeTopology(int epoch) {
        StringBuilder change = new StringBuilder();
        for (int l = 0; l < network.layerCount() - 1; l++) {
            int room = plan.maxNodes() - network.layer(l).nodeCount();
            int split = Topology.splitNodes(network, l, Math.min(plan.splitPerEpoch(), Math.max(room, 0)),
                    options.seed() * 31 + epoch);
            if (split > 0) {
                change.append("layer ").append(l).append(": split ").append(split).append(" nodes; ");
            }
        }
        if (plan.pruneFraction() > 0 && epoch >= plan.pruneFromEpoch()) {
            long pruned = Topology.prune(network, plan.pruneFraction());
            change.append("pruned ").append(pruned).append(" edges; ");
        }
        for (int l = 0; l < network.layerCount(); l++) {
            int duplicated = Topology.duplicateEdges(network, l, plan.duplicatePerEpoch());
            if (duplicated > 0) {
                change.append("layer ").append(l).append(": duplicated ").append(duplicated).append(" edges; ");
            }
        }
        return change.toString().trim();
    }

    private void save(Listener listener) {
        if (checkpoint == null) {
            return;
        }
        try {
            ClusterFile.write(network, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
        listener.saved(checkpoint);
    }

    private int hiddenNodes() {
        int nodes = 0;
        for (int l = 0; l < network.layerCount() - 1; l++) {
            nodes += network.layer(l).nodeCount();
        }
        return nodes;
    }
}

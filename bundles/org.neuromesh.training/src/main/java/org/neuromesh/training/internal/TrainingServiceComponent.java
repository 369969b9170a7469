package org.neuromesh.training.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.training.CheckpointException;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.DatasetFacts;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.RuleSetting;
import org.neuromesh.api.training.TrainingHandle;
import org.neuromesh.api.training.TrainingListener;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;
import org.neuromesh.api.training.TrainingService;
import org.neuromesh.engine.network.RuleRegistry;
import org.neuromesh.training.ClusterSnapshots;
import org.neuromesh.training.DatasetReader;
import org.neuromesh.training.PlanSettings;
import org.neuromesh.training.TrainingJob;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The training service: runs plans with the learning rules registered now, each on a thread of its own. A rule
 * that goes away (its bundle stopped or was removed) stops the runs that use it after their current batch, with a
 * message saying so; their last checkpoints stay.
 */
@Component(service = TrainingService.class)
public class TrainingServiceComponent implements TrainingService {

    /** Matrix kernel threads of one run: the machine's cores, shared with the UI and the peer. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final RuleRegistry rules = new RuleRegistry();
    private final Set<TrainingJob> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger runs = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "neuromesh-training-" + runs.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Describes the rules' settings; without it (e.g. in plain tests) rules have no described settings. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MetaTypeService metaType;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(LearningRule rule, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        rules.add(rule, String.valueOf(properties.get(LearningRule.NAME_PROPERTY)),
                ranking instanceof Integer r ? r : 0);
    }

    void removeRule(LearningRule rule) {
        String name = rules.nameOf(rule);
        rules.remove(rule);
        for (TrainingJob job : running) {
            if (job.ruleName().equals(name)) {
                job.stop("the learning rule '" + name + "' was removed while the run went on: it stopped after its"
                        + " current batch, and its last checkpoint is kept");
            }
        }
    }

    @Deactivate
    void deactivate() {
        running.forEach(job -> job.stop("the training service stopped"));
        threads.shutdown();
    }

    @Override
    public List<String> rules() {
        return rules.names();
    }

    @Override
    public List<RuleSetting> ruleSettings(String rule) {
        MetaTypeService described = metaType;
        LearningRule installed = installed(rule);
        return described == null || installed == null ? List.of()
                : new MetatypeRuleSettings(described).settings(installed);
    }

    @Override
    public String checkRuleSetting(String rule, String id, String value) {
        LearningRule installed = installed(rule);
        if (installed == null) {
            return "cannot be checked: the rule '" + rule + "' is not installed";
        }
        MetaTypeService described = metaType;
        return described == null ? "is not a setting of the rule " + rule + " (its settings are not described)"
                : new MetatypeRuleSettings(described).check(installed, id, value);
    }

    private LearningRule installed(String rule) {
        try {
            return rules.choose(rule == null || rule.isBlank() ? null : rule);
        } catch (IllegalArgumentException notInstalled) {
            return null;
        }
    }

    @Override
    public TrainingHandle start(TrainingPlan plan, TrainingListener listener) {
        // refuses unknown names and options that do not fit now, naming the plan's component, not on the run's thread
        PlanSettings.of(plan);
        String name = plan.rule().isBlank() ? null : plan.rule();
        LearningRule chosen = rules.choose(name);
        String ruleName = rules.nameOf(chosen);
        LearningRule rule = configured(chosen, ruleName, plan.ruleSettings());
        TrainingJob job = new TrainingJob(plan, rule, ruleName, listener, THREADS);
        CompletableFuture<TrainingResult> result = new CompletableFuture<>();
        running.add(job);
        threads.execute(() -> {
            try {
                result.complete(job.run());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                running.remove(job);
            }
        });
        return new TrainingHandle() {
            @Override
            public void cancel() {
                job.stop("");
            }

            @Override
            public CompletionStage<TrainingResult> result() {
                return result;
            }

            @Override
            public CompletionStage<ClusterSnapshot> snapshot() {
                return job.snapshot();
            }
        };
    }

    /**
     * The rule with the plan's settings: checked by its metatype first (when described), then by the rule itself.
     *
     * @throws IllegalArgumentException naming the rule and the setting that does not fit
     */
    private LearningRule configured(LearningRule rule, String ruleName, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return rule;
        }
        MetaTypeService described = metaType;
        if (described != null && !new MetatypeRuleSettings(described).settings(rule).isEmpty()) {
            MetatypeRuleSettings metatype = new MetatypeRuleSettings(described);
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                String problem = metatype.check(rule, setting.getKey(), setting.getValue());
                if (problem != null) {
                    throw new IllegalArgumentException("the rule setting " + setting.getKey() + " of '" + ruleName
                            + "': " + problem);
                }
            }
        }
        try {
            return rule.withSettings(new LinkedHashMap<>(settings));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the rule settings of '" + ruleName + "' do not fit: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ClusterSnapshot readCheckpoint(Path file) throws CheckpointException {
        return ClusterSnapshots.read(file);
    }

    @Override
    public GatingSettings defaultGating() {
        return TrainingJob.defaultGating();
    }

    @Override
    public DatasetFacts readDataset(String dataset, Path folder) throws IOException {
        return DatasetReader.read(dataset, folder);
    }
}

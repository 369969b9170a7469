package org.neuromesh.api.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * What to train: data, rule, network, gating and training options.
 *
 * @param dataset          {@code mnist} or {@code fashion-mnist}
 * @param rule             the name of an installed learning rule ({@code neuromesh.learning.rule}); blank: the
 *                         highest ranked
 * @param hidden           the hidden layers' widths, e.g. {@code [1024]}
 * @param epochs           passes over the training samples (at least 1)
 * @param batch            samples per batch
 * @param seed             seeds the network's weights, the order of samples and augmentation
 * @param augment          {@code none}, {@code shift}, {@code flip}, {@code shift-flip} (with {@code :N} for shifts)
 * @param normalise        {@code none} or {@code standard}
 * @param schedule         {@code constant} or {@code cosine}
 * @param gating           {@code paper}, {@code fixed-threshold}, {@code no-timer} or {@code relu}
 * @param validation       training images held out to measure accuracy after every epoch; 0: none, and the test
 *                         set is evaluated once at the end
 * @param trainingSamples  train on this many images drawn (seeded) from the training set; 0: all of them
 * @param checkpoint       where the network is saved after every epoch, or {@code null} for nowhere
 * @param ruleSettings     the rule's settings for this run ({@link RuleSetting#id()} to value as text), the others
 *                         as the rule is configured; kept sorted by id (since 1.2)
 * @param options          the task, temporal, gating, thread and topology options, a checkpoint to continue from
 *                         and what the run measures at its end; {@code null}: {@link RunOptions#defaults()} (since
 *                         1.3)
 */
public record TrainingPlan(String dataset, String rule, List<Integer> hidden, int epochs, int batch, long seed,
        String augment, String normalise, String schedule, String gating, int validation, int trainingSamples,
        Path checkpoint, Map<String, String> ruleSettings, RunOptions options) {

    /** A plan with the default {@link RunOptions} (the components of version 1.2). */
    public TrainingPlan(String dataset, String rule, List<Integer> hidden, int epochs, int batch, long seed,
            String augment, String normalise, String schedule, String gating, int validation, int trainingSamples,
            Path checkpoint, Map<String, String> ruleSettings) {
        this(dataset, rule, hidden, epochs, batch, seed, augment, normalise, schedule, gating, validation,
                trainingSamples, checkpoint, ruleSettings, RunOptions.defaults());
    }

    /** A plan with the rule as it is configured (the components of version 1.1). */
    public TrainingPlan(String dataset, String rule, List<Integer> hidden, int epochs, int batch, long seed,
            String augment, String normalise, String schedule, String gating, int validation, int trainingSamples,
            Path checkpoint) {
        this(dataset, rule, hidden, epochs, batch, seed, augment, normalise, schedule, gating, validation,
                trainingSamples, checkpoint, Map.of(), RunOptions.defaults());
    }

    public TrainingPlan {
        Objects.requireNonNull(dataset, "dataset");
        rule = rule == null ? "" : rule;
        hidden = List.copyOf(hidden);
        augment = augment == null || augment.isBlank() ? "none" : augment;
        normalise = normalise == null || normalise.isBlank() ? "none" : normalise;
        schedule = schedule == null || schedule.isBlank() ? "constant" : schedule;
        gating = gating == null || gating.isBlank() ? "paper" : gating;
        // sorted, so that descriptions and records list them the same way every time
        ruleSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(ruleSettings == null ? Map.of()
                : ruleSettings));
        options = options == null ? RunOptions.defaults() : options;
        if (epochs < 1 || batch < 1 || validation < 0 || trainingSamples < 0 || hidden.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("a plan needs at least 1 epoch, a batch of at least 1, hidden widths of"
                    + " at least 1 and no negative counts; got " + epochs + " epochs, batch " + batch + ", hidden "
                    + hidden + ", validation " + validation + ", training samples " + trainingSamples);
        }
    }

    /**
     * This plan with {@code newOptions} instead of its run options.
     *
     * @since 1.3
     */
    public TrainingPlan withOptions(RunOptions newOptions) {
        return new TrainingPlan(dataset, rule, hidden, epochs, batch, seed, augment, normalise, schedule, gating,
                validation, trainingSamples, checkpoint, ruleSettings, newOptions);
    }
}

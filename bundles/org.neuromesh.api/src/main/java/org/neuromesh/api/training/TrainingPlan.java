package org.neuromesh.api.training;

import java.nio.file.Path;
import java.util.List;
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
 */
public record TrainingPlan(String dataset, String rule, List<Integer> hidden, int epochs, int batch, long seed,
        String augment, String normalise, String schedule, String gating, int validation, int trainingSamples,
        Path checkpoint) {

    public TrainingPlan {
        Objects.requireNonNull(dataset, "dataset");
        rule = rule == null ? "" : rule;
        hidden = List.copyOf(hidden);
        augment = augment == null || augment.isBlank() ? "none" : augment;
        normalise = normalise == null || normalise.isBlank() ? "none" : normalise;
        schedule = schedule == null || schedule.isBlank() ? "constant" : schedule;
        gating = gating == null || gating.isBlank() ? "paper" : gating;
        if (epochs < 1 || batch < 1 || validation < 0 || trainingSamples < 0 || hidden.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("a plan needs at least 1 epoch, a batch of at least 1, hidden widths of"
                    + " at least 1 and no negative counts; got " + epochs + " epochs, batch " + batch + ", hidden "
                    + hidden + ", validation " + validation + ", training samples " + trainingSamples);
        }
    }
}

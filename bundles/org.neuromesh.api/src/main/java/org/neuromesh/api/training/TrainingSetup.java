package org.neuromesh.api.training;

import java.util.List;
import java.util.Objects;

/**
 * What a run set up before its first batch: the network, the rule, the data and the gating it trains with, as
 * the service resolved the plan (defaults filled in, a loaded checkpoint's own shape, gating and normalisation).
 *
 * @param description       one line saying what the run trains (what {@link TrainingListener#started(String)} is
 *                          told)
 * @param network           the layer widths, input first and classes last, e.g. {@code [784, 1024, 10]}
 * @param rule              the learning rule's own name ({@code RuleInfo.name()})
 * @param forwardOnly       whether the rule learns without propagating gradients backwards
 * @param ruleSettings      the rule's settings as it describes itself ({@code toString()})
 * @param data              the samples it trains and checks on
 * @param gatingVariant     the plan's gating variant, e.g. {@code paper}
 * @param gatingDescription what the variant leaves on, e.g. {@code adaptive thresholds and timers}
 * @param gating            the network's gating parameters, every value set
 * @param kernels           the matrix routines, e.g. {@code vector (AVX-512), 2 threads}
 * @param threads           the cores they use
 * @since 1.3
 */
public record TrainingSetup(String description, List<Integer> network, String rule, boolean forwardOnly,
        String ruleSettings, Data data, String gatingVariant, String gatingDescription, GatingSettings gating,
        String kernels, int threads) {

    /**
     * The samples of a run.
     *
     * @param dataset               the data set's id, e.g. {@code fashion-mnist}
     * @param title                 its name to show, e.g. {@code Fashion-MNIST}
     * @param training              training samples per epoch
     * @param validation            images held out of the training set for validation; 0: none
     * @param validationFingerprint which images were held out (equal for equal splits), 0 when none were
     * @param augment               how training images are varied, e.g. {@code shift}, {@code none}
     * @param normalise             {@code none} or {@code standard}: whether the network standardises its input
     * @param normalisation         the network's input normalisation described, e.g. {@code input standardised over
     *                              784 inputs}
     */
    public record Data(String dataset, String title, int training, int validation, long validationFingerprint,
            String augment, String normalise, String normalisation) {

        public Data {
            Objects.requireNonNull(dataset, "dataset");
            title = title == null ? dataset : title;
            augment = augment == null ? "none" : augment;
            normalise = normalise == null ? "none" : normalise;
            normalisation = normalisation == null ? "" : normalisation;
        }
    }

    public TrainingSetup {
        Objects.requireNonNull(description, "description");
        network = List.copyOf(network);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(gating, "gating");
        ruleSettings = ruleSettings == null ? "" : ruleSettings;
        gatingDescription = gatingDescription == null ? "" : gatingDescription;
    }
}

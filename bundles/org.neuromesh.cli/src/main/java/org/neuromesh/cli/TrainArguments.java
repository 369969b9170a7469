package org.neuromesh.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.RunOptions;
import org.neuromesh.api.training.TopologySettings;
import org.neuromesh.api.training.TrainingPlan;

/**
 * The options of {@code neuromesh:train} and {@code ./neuromesh train}, parsed into a {@link TrainingPlan} with errors
 * that name the option. The training service checks the names it knows when the plan starts (the data set, the
 * gating variant, the augmentation), naming the plan's component.
 *
 * @param plan   what to train: {@code --dataset}, {@code --rule} (blank: the highest-ranked rule), {@code --epochs},
 *               {@code --hidden}, {@code --batch}, {@code --seed}, {@code --augment}, {@code --normalise},
 *               {@code --schedule}, {@code --gating}, {@code --validation}, {@code --save}, and in its
 *               {@link RunOptions}: {@code --task}, {@code --delay}, {@code --trace-decay}, {@code --threads}, the
 *               gating parameters ({@code --threshold}, {@code --time-to-release}, {@code --eta-d},
 *               {@code --eta-t}, {@code --alpha}; those not given are the service's defaults), the topology
 *               ({@code --split}, {@code --max-nodes}, {@code --prune}, {@code --prune-from},
 *               {@code --duplicate}) and {@code --load}; inference is always timed at the end
 * @param result whether to print a machine-readable {@code RESULT {...}} line at the end
 */
public record TrainArguments(TrainingPlan plan, boolean result) {

    /**
     * The text shown by {@code --help} and after a usage error.
     *
     * @param gatingDefaults the gating parameters a new network gets when none are given
     */
    public static String usage(GatingSettings gatingDefaults) {
        return String.join("\n",
            "usage: train [--dataset mnist|fashion-mnist] [--rule NAME] [--epochs N] [--hidden N[,N...]]",
            "             [--task static|delayed|rows] [--batch N] [--seed N] [--threads N] [--trace-decay F]",
            "             [--delay N] [--gating paper|fixed-threshold|no-timer|relu] [--threshold F]",
            "             [--time-to-release F|off] [--eta-d F] [--eta-t F] [--alpha F] [--validation N]",
            "             [--split N] [--max-nodes N] [--prune F] [--prune-from EPOCH] [--duplicate N]",
            "             [--augment none|flip|shift[:N]|shift-flip[:N]] [--schedule constant|cosine]",
            "             [--normalise none|standard] [--save FILE] [--load FILE] [--result]",
            "  Trains a threshold-gating network; progress, per-epoch loss, accuracy and each layer's releases are",
            "  printed, a checkpoint is saved after every epoch (--save), and Ctrl-C stops after the current batch",
            "  and saves. The test set is evaluated once, at the end. Defaults: mnist, the highest-ranked rule,",
            "  10 epochs, --hidden 1024, static task, batch 128, no augmentation, constant learning rate, raw pixels",
            "  in [0, 1], gating " + describe(gatingDefaults) + ".",
            "  --validation N        hold N training images out (a seeded draw, the same for every run) and report",
            "                        accuracy on them after every epoch; the test set is not touched. Choose settings",
            "                        this way, then train on everything and read the test accuracy once",
            "  --gating VARIANT      paper (default): thresholds and timers adapt; fixed-threshold: d stays at",
            "                        --threshold; no-timer: no forced releases; relu: a plain rectifier",
            "  --normalise standard  a new network first standardises each pixel with the training set's mean and",
            "                        deviation (kept in its checkpoint); static task only",
            "  --augment shift       training images shifted at random by up to 2 pixels along each axis, anew each",
            "                        time they are drawn (seeded by --seed); test images are left as they are;",
            "                        shift:N shifts by up to N pixels (1..8)",
            "  --augment shift-flip  the same, and mirrored left to right half of the time (for Fashion-MNIST,",
            "                        not for digits); flip mirrors only; not with --task rows",
            "  --schedule cosine     the rule's learning rate falls as (1 + cos(pi * t / T)) / 2 over the T batches",
            "                        of the run",
            "  The rules' own settings (learning rate, momentum, optimizer = momentum | adam, ...) are",
            "  configured through Config Admin: a <pid>.cfg file in the server's conf/ folder.");
    }

    /**
     * @throws IllegalArgumentException naming the option and the value when something is wrong
     */
    public static TrainArguments parse(String... args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--result")) {
                b.result = true;
                continue;
            }
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--dataset" -> b.dataset = value;
                case "--rule" -> b.rule = value;
                case "--task" -> b.task = oneOf(option, value, "static", "delayed", "rows");
                case "--epochs" -> b.epochs = positive(option, value);
                case "--hidden" -> b.hidden = widths(option, value);
                case "--batch" -> b.batch = positive(option, value);
                case "--seed" -> b.seed = longValue(option, value);
                case "--threads" -> b.threads = positive(option, value);
                case "--trace-decay" -> b.traceDecay = fraction(option, value);
                case "--delay" -> b.delay = positive(option, value);
                case "--gating" -> b.variant = value;
                case "--threshold" -> b.gating = b.gating.withThreshold(number(option, value, 0f));
                case "--time-to-release" -> b.gating = b.gating.withTimeToRelease(
                        value.equalsIgnoreCase("off") ? Float.POSITIVE_INFINITY : number(option, value, 1f));
                case "--eta-d" -> b.gating = b.gating.withEtaD(number(option, value, 0f));
                case "--eta-t" -> b.gating = b.gating.withEtaT(number(option, value, 0f));
                case "--alpha" -> b.gating = b.gating.withAlpha(number(option, value, 0f));
                case "--validation" -> b.validation = atLeastZero(option, value);
                case "--split" -> b.split = atLeastZero(option, value);
                case "--max-nodes" -> b.maxNodes = positive(option, value);
                case "--prune" -> b.prune = fraction(option, value);
                case "--prune-from" -> b.pruneFrom = positive(option, value);
                case "--duplicate" -> b.duplicate = atLeastZero(option, value);
                case "--save" -> b.save = Path.of(value);
                case "--load" -> b.load = Path.of(value);
                case "--augment" -> b.augment = value;
                case "--schedule" -> b.schedule = oneOf(option, value, "constant", "cosine");
                case "--normalise" -> b.normalise = oneOf(option, value, "none", "standard");
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!b.augment.equalsIgnoreCase("none") && b.task.equals("rows")) {
            throw new IllegalArgumentException("--augment " + b.augment + " works on whole images, not with "
                    + "--task rows");
        }
        if (b.normalise.equals("standard") && !b.task.equals("static")) {
            throw new IllegalArgumentException("--normalise standard works on whole images (--task static), not with "
                    + "--task " + b.task);
        }
        if (b.normalise.equals("standard") && b.load != null) {
            throw new IllegalArgumentException("--normalise applies to a new network; the one loaded from " + b.load
                    + " keeps the normalisation it was trained with");
        }
        if (b.validation > 0 && !b.task.equals("static")) {
            throw new IllegalArgumentException("--validation holds out whole images (--task static), not with --task "
                    + b.task);
        }
        if (b.maxNodes == 0) {
            b.maxNodes = Arrays.stream(b.hidden).max().orElse(0) + b.split * b.epochs;
        }
        RunOptions options = new RunOptions(b.task, b.delay, b.traceDecay, b.threads, b.gating,
                new TopologySettings(b.split, b.maxNodes, b.prune, b.pruneFrom, b.duplicate), b.load, true);
        TrainingPlan plan = new TrainingPlan(b.dataset, b.rule, Arrays.stream(b.hidden).boxed().toList(), b.epochs,
                b.batch, b.seed, b.augment, b.normalise, b.schedule, b.variant, b.validation, 0, b.save, Map.of(),
                options);
        return new TrainArguments(plan, b.result);
    }

    private static final class Builder {
        String dataset = "mnist";
        String rule = "";
        String task = "static";
        int epochs = 10;
        // the default network, chosen with the gating defaults by ./neuromesh bench sweep (releng/bench/chosen/
        // defaults.json): the narrowest width tried whose nodes release at most 25% of the time within half a
        // point of plain ReLU on the validation split
        int[] hidden = { 1024 };
        int batch = 128;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        float traceDecay = 0.9f;
        int delay = 5;
        GatingSettings gating = GatingSettings.unset();
        String variant = "paper";
        int validation;
        int split;
        int maxNodes;
        double prune;
        int pruneFrom = 1;
        int duplicate;
        Path save;
        Path load;
        boolean result;
        String augment = "none";
        String schedule = "constant";
        String normalise = "none";
    }

    private static String oneOf(String option, String value, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(value.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + "; got '"
                + value + "'");
    }

    /** The gating parameters as the usage and the header of a run show them. */
    public static String describe(GatingSettings g) {
        return String.format(Locale.ROOT, "d0 %s, timeToRelease %s, eta_d %s, eta_t %s, alpha %s", g.threshold(),
                g.hasTimer() ? String.valueOf(g.timeToRelease()) : "off", g.etaD(), g.etaT(), g.alpha());
    }

    private static int positive(String option, String value) {
        int parsed = integer(option, value);
        if (parsed < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
        return parsed;
    }

    private static int atLeastZero(String option, String value) {
        int parsed = integer(option, value);
        if (parsed < 0) {
            throw new IllegalArgumentException(option + " must be 0 or more, got " + value);
        }
        return parsed;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static float number(String option, String value, float minimum) {
        float parsed;
        try {
            parsed = Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
        if (!Float.isFinite(parsed) || parsed < minimum) {
            throw new IllegalArgumentException(option + " must be a finite number >= " + minimum + ", got " + value);
        }
        return parsed;
    }

    private static float fraction(String option, String value) {
        float parsed = number(option, value, 0f);
        if (parsed >= 1f) {
            throw new IllegalArgumentException(option + " must be in [0, 1), got " + value);
        }
        return parsed;
    }

    private static int[] widths(String option, String value) {
        String[] parts = value.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = positive(option, parts[i].trim());
        }
        return widths;
    }
}

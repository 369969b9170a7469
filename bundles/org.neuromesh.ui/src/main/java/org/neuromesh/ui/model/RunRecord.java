package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.api.training.TrainingResult;

/**
 * The record of one run in the workspace ({@code runs/NAME-TIME.run}): its settings, a line per epoch as it ends and
 * how it ended, appended as the run goes, so a crash keeps everything up to the last epoch. Reading is lenient: a
 * line it does not know is skipped, a run without an end line is shown as "did not end".
 */
public record RunRecord(String name, String description, List<String> settings, List<List<String>> epochs,
        String outcome) {

    /** Columns of {@link #epochs()}. */
    public static final List<String> EPOCH_COLUMNS = List.of("Epoch", "Loss", "Train", "Validation", "Seconds");

    public RunRecord {
        settings = List.copyOf(settings);
        epochs = List.copyOf(epochs);
    }

    /** The first lines of a run's record. */
    public static String header(String name, String description, TrainingPlan plan) {
        return "name = " + name + "\ndescription = " + description + "\nsettings = " + plan.dataset() + ", rule "
                + (plan.rule().isEmpty() ? "(highest ranked)" : plan.rule()) + ruleSettings(plan) + ", hidden "
                + plan.hidden() + ", "
                + plan.epochs() + " epochs, batch " + plan.batch() + ", seed " + plan.seed() + ", validation "
                + plan.validation() + ", training images " + (plan.trainingSamples() == 0 ? "all"
                        : plan.trainingSamples()) + "\n";
    }

    /** E.g. " (learningRate = 0.02, momentum = 0.9)", empty when the rule runs as configured. */
    private static String ruleSettings(TrainingPlan plan) {
        return plan.ruleSettings().isEmpty() ? "" : plan.ruleSettings().entrySet().stream()
                .map(setting -> setting.getKey() + " = " + setting.getValue())
                .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
    }

    /** The line of one epoch. */
    public static String epochLine(EpochResult epoch) {
        return String.format(Locale.ROOT, "epoch = %d|%.4f|%.2f%%|%s|%.1f%n", epoch.epoch(), epoch.loss(),
                100 * epoch.trainAccuracy(), Double.isNaN(epoch.validationAccuracy()) ? "-"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * epoch.validationAccuracy()), epoch.seconds());
    }

    /** The last line: how the run ended. */
    public static String endLine(TrainingResult result) {
        String outcome;
        if (result.failed()) {
            outcome = "stopped: " + result.failure();
        } else if (result.cancelled()) {
            outcome = "cancelled after " + result.epochs().size() + " epochs";
        } else {
            outcome = String.format(Locale.ROOT, "done: %s %.2f%%", result.onTestSet() ? "test" : "validation",
                    100 * result.finalAccuracy());
        }
        return "ended = " + outcome.replace('\n', ' ') + "\n";
    }

    public static RunRecord parse(String fallbackName, String text) {
        String name = fallbackName;
        String description = "";
        List<String> settings = new ArrayList<>();
        List<List<String>> epochs = new ArrayList<>();
        String outcome = "did not end";
        for (String line : text.split("\n")) {
            int equals = line.indexOf(" = ");
            if (equals < 0) {
                continue;
            }
            String key = line.substring(0, equals);
            String value = line.substring(equals + 3).strip();
            switch (key) {
                case "name" -> name = value;
                case "description" -> description = value;
                case "settings" -> settings.add(value);
                case "epoch" -> {
                    List<String> cells = List.of(value.split("\\|", -1));
                    if (cells.size() == EPOCH_COLUMNS.size()) {
                        epochs.add(cells);
                    }
                }
                case "ended" -> outcome = value;
                default -> {
                    // a newer record's line: skipped
                }
            }
        }
        return new RunRecord(name, description, settings, epochs, outcome);
    }

    /** Column headers of the runs table. */
    public static final List<String> RUN_COLUMNS = List.of("Run", "Settings", "Epochs", "Outcome");

    /** This run as a row of the runs table. */
    public List<String> row() {
        return List.of(name, settings.isEmpty() ? description : settings.get(0), Integer.toString(epochs.size()),
                outcome);
    }
}

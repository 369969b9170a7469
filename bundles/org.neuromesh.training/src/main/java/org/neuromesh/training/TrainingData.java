package org.neuromesh.training;

import java.io.IOException;

import org.neuromesh.api.training.TrainingPlan;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.data.ValidationSplit;
import org.neuromesh.engine.network.ImageSamples;

/**
 * The samples of one run, read as its plan asks: the training images less those held out for validation (a seeded
 * draw, the same for every run), optionally a seeded draw of fewer, shown as the plan's task and varied as it asks;
 * the test set is read only when asked for.
 */
final class TrainingData {

    static final int CLASSES = 10;

    private final MnistFiles files;
    private final PlanSettings settings;
    private final int delay;
    private final LabelledImages trainImages;
    private final ImageSamples train;
    private final ImageSamples validation;
    private final long validationFingerprint;

    private TrainingData(MnistFiles files, PlanSettings settings, int delay, LabelledImages trainImages,
            ImageSamples train, ImageSamples validation, long validationFingerprint) {
        this.files = files;
        this.settings = settings;
        this.delay = delay;
        this.trainImages = trainImages;
        this.train = train;
        this.validation = validation;
        this.validationFingerprint = validationFingerprint;
    }

    /**
     * @throws IOException naming the missing or broken file and how to fetch the data
     */
    static TrainingData read(TrainingPlan plan, PlanSettings settings) throws IOException {
        MnistFiles files = MnistFiles.locate(settings.dataset(), settings.dataset().defaultDirectory());
        LabelledImages trainImages = files.readTraining();
        LabelledImages heldOut = null;
        long fingerprint = 0;
        if (plan.validation() > 0) {
            ValidationSplit split = ValidationSplit.of(trainImages, plan.validation(), ValidationSplit.DEFAULT_SEED);
            trainImages = split.training();
            heldOut = split.validation();
            fingerprint = split.fingerprint();
        }
        if (plan.trainingSamples() > 0 && plan.trainingSamples() < trainImages.count()) {
            // a seeded draw of that many: the images a split would hold out
            trainImages = ValidationSplit.of(trainImages, plan.trainingSamples(), plan.seed()).validation();
        }
        int delay = plan.options().delay();
        ImageSamples train = samples(trainImages, settings, delay);
        if (settings.augmentation().active()) {
            train = train.augmented(settings.augmentation(), plan.seed() * 31 + 7);
        }
        return new TrainingData(files, settings, delay, trainImages, train,
                heldOut == null ? null : samples(heldOut, settings, delay), fingerprint);
    }

    private static ImageSamples samples(LabelledImages images, PlanSettings settings, int delay) {
        return switch (settings.task()) {
            case "delayed" -> ImageSamples.delayed(images, CLASSES, delay);
            case "rows" -> ImageSamples.rowByRow(images, CLASSES);
            default -> ImageSamples.whole(images, CLASSES);
        };
    }

    /** The samples trained on, varied when the plan augments. */
    ImageSamples train() {
        return train;
    }

    /** The held-out samples, or {@code null} when none are held out. */
    ImageSamples validation() {
        return validation;
    }

    /** Which images were held out ({@link ValidationSplit#fingerprint()}), 0 when none were. */
    long validationFingerprint() {
        return validationFingerprint;
    }

    /** The training images as whole, unvaried images: what a new network's input standardisation is taken of. */
    ImageSamples wholeTrainingImages() {
        return ImageSamples.whole(trainImages, CLASSES);
    }

    /** The test set, shown as the plan's task; read from disk on each call. */
    ImageSamples test() throws IOException {
        return samples(files.readTest(), settings, delay);
    }
}

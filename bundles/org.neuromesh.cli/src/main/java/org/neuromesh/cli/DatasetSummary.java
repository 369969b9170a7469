package org.neuromesh.cli;

import org.neuromesh.api.training.DatasetFacts;

/** Describes a data set's files as the training service read them, so that a user can check the data. */
public final class DatasetSummary {

    private DatasetSummary() {
    }

    /** The data set's title and folder, then per split its images, their size and the images per label. */
    public static String describe(DatasetFacts facts) {
        return facts.title() + " in " + facts.folder() + "\n" + describe("train", facts.training())
                + describe("test", facts.test());
    }

    private static String describe(String split, DatasetFacts.Split images) {
        StringBuilder out = new StringBuilder(String.format("  %-5s %6d images %dx%d  per digit:", split,
                images.images(), images.rows(), images.cols()));
        for (int digit = 0; digit < images.perClass().size(); digit++) {
            out.append(' ').append(digit).append('=').append(images.perClass().get(digit));
        }
        return out.append('\n').toString();
    }
}

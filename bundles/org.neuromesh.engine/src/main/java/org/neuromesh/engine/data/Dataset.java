package org.neuromesh.engine.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The image data sets NeuroMesh knows. Each is stored as four IDX files in MNIST's layout (see {@link MnistFiles})
 * in a folder of its own under one data root, and is fetched by its own script, {@code releng/fetch-<name>.sh}.
 */
public enum Dataset {

    /** Handwritten digits, 60,000 training and 10,000 test images of 28x28. */
    MNIST("mnist", "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),

    /** Zalando's clothing images, a drop-in replacement for MNIST with the same shapes and 10 classes. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    /** Environment variable naming the data root, the folder that holds one folder per data set. */
    public static final String DATA_ROOT_ENV = "NEUROMESH_DATA";

    private final String id;
    private final String title;
    private final List<String> classNames;

    Dataset(String id, String title, List<String> classNames) {
        this.id = id;
        this.title = title;
        this.classNames = classNames;
    }

    /**
     * Finds a data set by its {@link #id()}, ignoring case.
     *
     * @throws IllegalArgumentException naming the known data sets
     */
    public static Dataset fromName(String name) {
        for (Dataset dataset : values()) {
            if (dataset.id.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("Unknown data set '" + name + "'; known data sets: "
                + Arrays.stream(values()).map(Dataset::id).collect(Collectors.joining(", ")));
    }

    /** The short name: the name of its folder and of its fetch script, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The name to show, e.g. {@code Fashion-MNIST}. */
    public String title() {
        return title;
    }

    /** What the labels 0..9 stand for, in label order. */
    public List<String> classNames() {
        return classNames;
    }

    /** The script that downloads and checks it, relative to the repository, e.g. {@code releng/fetch-mnist.sh}. */
    public String fetchScript() {
        return "releng/fetch-" + id + ".sh";
    }

    /** Tells how to put the data into {@code directory}, for error messages. */
    public String fetchHint(Path directory) {
        return "Run " + fetchScript() + " to download " + title + " (" + fetchScript() + " " + directory + ").";
    }

    /** System property naming this data set's folder, e.g. {@code neuromesh.mnist.dir}; checked first. */
    public String directoryProperty() {
        return "neuromesh." + id + ".dir";
    }

    /** Environment variable naming this data set's folder, e.g. {@code NEUROMESH_FASHION_MNIST_DIR}; checked second. */
    public String directoryEnv() {
        return "NEUROMESH_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_DIR";
    }

    /**
     * Where this data set is expected, in the order its fetch script chooses where to put it: the system property
     * {@link #directoryProperty()}, else the environment variable {@link #directoryEnv()}, else
     * {@code $NEUROMESH_DATA/<id>}, else {@code $HOME/.cache/neuromesh/datasets/<id>}. The folder may not exist.
     */
    public Path defaultDirectory() {
        return defaultDirectory(System::getProperty, System::getenv);
    }

    /** {@link #defaultDirectory()} with the system properties and the environment given, for tests. */
    Path defaultDirectory(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String dir = nonBlank(properties.apply(directoryProperty()));
        if (dir == null) {
            dir = nonBlank(environment.apply(directoryEnv()));
        }
        if (dir != null) {
            return Path.of(dir);
        }
        String root = nonBlank(environment.apply(DATA_ROOT_ENV));
        if (root != null) {
            return Path.of(root, id);
        }
        String home = nonBlank(environment.apply("HOME"));
        return Path.of(home != null ? home : properties.apply("user.home"), ".cache", "neuromesh", "datasets", id);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

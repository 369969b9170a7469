package org.neuromesh.api.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a data set's files on this peer hold, read in full, so that a user can check the data before training.
 *
 * @param title    the data set's name to show, e.g. {@code MNIST}
 * @param folder   the folder its files were read from
 * @param training the training images
 * @param test     the test images
 * @since 1.3
 */
public record DatasetFacts(String title, Path folder, Split training, Split test) {

    /**
     * One file pair of images and labels.
     *
     * @param images   images in it
     * @param rows     rows of each image
     * @param cols     columns of each image
     * @param perClass images per label, label 0 first
     */
    public record Split(int images, int rows, int cols, List<Integer> perClass) {

        public Split {
            perClass = List.copyOf(perClass);
        }
    }

    public DatasetFacts {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(test, "test");
    }
}

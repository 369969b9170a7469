package org.neuromesh.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.training.DatasetFacts;
import org.neuromesh.engine.data.Dataset;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;

/** Reads a data set's files in full and counts their images per label, so that a user can check them. */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * @param dataset a data set's id
     * @param folder  where its files are, or {@code null} for where a run looks for them
     * @throws IOException              naming the missing or broken file and how to fetch the data
     * @throws IllegalArgumentException naming the known data sets when {@code dataset} is not one
     */
    public static DatasetFacts read(String dataset, Path folder) throws IOException {
        Dataset known = Dataset.fromName(dataset);
        Path where = folder == null ? known.defaultDirectory() : folder;
        MnistFiles files = MnistFiles.locate(known, where);
        return new DatasetFacts(known.title(), where, split(files.readTraining(), known.classNames().size()),
                split(files.readTest(), known.classNames().size()));
    }

    private static DatasetFacts.Split split(LabelledImages images, int classes) {
        int[] perLabel = new int[Math.max(classes, 256)];
        for (int i = 0; i < images.count(); i++) {
            perLabel[images.label(i)]++;
        }
        List<Integer> perClass = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            perClass.add(perLabel[label]);
        }
        return new DatasetFacts.Split(images.count(), images.rows(), images.cols(), perClass);
    }
}

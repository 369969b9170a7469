package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromesh.engine.data.IdxFiles.gzip;
import static org.neuromesh.engine.data.IdxFiles.images;
import static org.neuromesh.engine.data.IdxFiles.labels;
import static org.neuromesh.engine.data.IdxFiles.write;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {

    @TempDir
    Path dir;

    @Test
    void locatesPlainGzippedAndDottedNamesAndReadsThem() throws IOException {
        // given one file in each naming style
        write(dir, "train-images-idx3-ubyte", images(1, 1, 2, new byte[] {0, (byte) 255}));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels((byte) 5)));
        write(dir, "t10k-images.idx3-ubyte", images(1, 1, 2, new byte[] {(byte) 255, 0}));
        write(dir, "t10k-labels.idx1-ubyte.gz", gzip(labels((byte) 7)));

        // when
        MnistFiles files = MnistFiles.locate(dir);

        // then
        assertEquals(new MnistFiles(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte.gz"),
                dir.resolve("t10k-images.idx3-ubyte"), dir.resolve("t10k-labels.idx1-ubyte.gz")), files);
        assertEquals(5, files.readTraining().label(0));
        assertEquals(7, files.readTest().label(0));
    }

    @Test
    void missingFileIsNamedWithDirectoryAndFetchHint() throws IOException {
        write(dir, "train-images-idx3-ubyte", images(0, 1, 1, new byte[0]));

        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> MnistFiles.locate(dir));

        assertEquals("MNIST file train-labels-idx1-ubyte not found in " + dir + " (also looked for"
                + " train-labels-idx1-ubyte.gz, train-labels.idx1-ubyte, train-labels.idx1-ubyte.gz)."
                + " Run releng/fetch-mnist.sh to download MNIST (releng/fetch-mnist.sh " + dir + ").",
                e.getMessage());
    }

    @Test
    void missingDirectoryIsNamedWithFetchHint() {
        Path missing = dir.resolve("nowhere");

        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> MnistFiles.locate(missing));

        assertEquals("MNIST directory " + missing + " does not exist. Run releng/fetch-mnist.sh to download MNIST"
                + " (releng/fetch-mnist.sh " + missing + ").", e.getMessage());
    }

    @Test
    void fashionMnistIsNamedWithItsOwnFetchScript() {
        Path missing = dir.resolve("fashion");

        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> MnistFiles.locate(Dataset.FASHION_MNIST, missing));

        assertEquals("Fashion-MNIST directory " + missing + " does not exist. Run releng/fetch-fashion-mnist.sh to"
                + " download Fashion-MNIST (releng/fetch-fashion-mnist.sh " + missing + ").", e.getMessage());
    }
}

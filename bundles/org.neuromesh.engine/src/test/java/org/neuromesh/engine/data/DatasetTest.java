package org.neuromesh.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromesh.engine.data.Dataset.FASHION_MNIST;
import static org.neuromesh.engine.data.Dataset.MNIST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void shouldFindEachDataSetByItsNameIgnoringCase() {
        assertEquals(MNIST, Dataset.fromName("mnist"));
        assertEquals(FASHION_MNIST, Dataset.fromName("fashion-mnist"));
        assertEquals(FASHION_MNIST, Dataset.fromName(" Fashion-MNIST "));
    }

    @Test
    void shouldListTheKnownNamesWhenTheNameIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.fromName("cifar10"));

        assertEquals("Unknown data set 'cifar10'; known data sets: mnist, fashion-mnist", e.getMessage());
    }

    @Test
    void shouldPutEachDataSetInItsOwnFolderUnderTheDataRoot() {
        // given only NEUROMESH_DATA
        Map<String, String> env = Map.of("NEUROMESH_DATA", "/data", "HOME", "/home/me");

        // then each data set has its own folder there
        assertEquals(Path.of("/data/mnist"), MNIST.defaultDirectory(p -> null, env::get));
        assertEquals(Path.of("/data/fashion-mnist"), FASHION_MNIST.defaultDirectory(p -> null, env::get));
    }

    @Test
    void shouldFallBackToTheCacheInTheHomeFolder() {
        Map<String, String> env = Map.of("HOME", "/home/me");

        assertEquals(Path.of("/home/me/.cache/neuromesh/datasets/fashion-mnist"),
                FASHION_MNIST.defaultDirectory(p -> null, env::get));
    }

    @Test
    void shouldPreferTheDataSetsOwnPropertyThenItsOwnVariable() {
        // given a data root and a folder of its own for Fashion-MNIST
        Map<String, String> env = Map.of("NEUROMESH_DATA", "/data", "NEUROMESH_FASHION_MNIST_DIR", "/env/fashion");
        Map<String, String> properties = Map.of("neuromesh.fashion-mnist.dir", "/property/fashion");

        // then its own property wins, then its own variable; MNIST is not affected
        assertEquals(Path.of("/property/fashion"), FASHION_MNIST.defaultDirectory(properties::get, env::get));
        assertEquals(Path.of("/env/fashion"), FASHION_MNIST.defaultDirectory(p -> null, env::get));
        assertEquals(Path.of("/data/mnist"), MNIST.defaultDirectory(properties::get, env::get));
    }

    @Test
    void shouldKeepTheNamesMnistAlwaysHad() {
        assertEquals("neuromesh.mnist.dir", MNIST.directoryProperty());
        assertEquals("NEUROMESH_MNIST_DIR", MNIST.directoryEnv());
        assertEquals(MNIST.defaultDirectory(), MnistFiles.defaultDirectory());
    }

    @Test
    void shouldNameTenClassesInLabelOrder() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), MNIST.classNames());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), FASHION_MNIST.classNames());
    }

    @Test
    void shouldNameAFetchScriptThatExists() {
        // the tests run in the bundle's folder, two levels below the repository
        Path repository = Path.of(System.getProperty("basedir", ".")).resolve("../..");
        for (Dataset dataset : Dataset.values()) {
            assertTrue(Files.isRegularFile(repository.resolve(dataset.fetchScript())), dataset.fetchScript());
        }
        assertEquals("Run releng/fetch-fashion-mnist.sh to download Fashion-MNIST"
                + " (releng/fetch-fashion-mnist.sh /data/fm).", FASHION_MNIST.fetchHint(Path.of("/data/fm")));
    }
}

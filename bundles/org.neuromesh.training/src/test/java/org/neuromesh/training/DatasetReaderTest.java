package org.neuromesh.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.training.DatasetFacts;
import org.neuromesh.engine.data.Dataset;

class DatasetReaderTest {

    @Test
    void givenAFolderWithoutMnist_whenRead_thenTheMessageNamesTheFolderAndTheFix(@TempDir Path empty) {
        // given a folder without MNIST, when it is read
        IOException error = assertThrows(IOException.class, () -> DatasetReader.read("mnist", empty.resolve("mnist")));
        // then the message names the folder and tells how to fetch the data
        assertTrue(error.getMessage().contains(empty.resolve("mnist").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("fetch-mnist.sh"), error.getMessage());
    }

    @Test
    void givenTheRealMnist_whenReadFromWhereRunsLook_thenBothSplitsAreCountedPerDigit() throws IOException {
        // when MNIST is read from its default folder (fetched by the build)
        DatasetFacts facts = DatasetReader.read("mnist", null);
        // then it is named, found where runs look, and both splits are counted in full
        assertEquals("MNIST", facts.title());
        assertEquals(Dataset.MNIST.defaultDirectory(), facts.folder());
        assertEquals(60000, facts.training().images());
        assertEquals(10000, facts.test().images());
        assertEquals(28, facts.training().rows());
        assertEquals(28, facts.training().cols());
        assertEquals(10, facts.test().perClass().size());
        assertEquals(60000, facts.training().perClass().stream().mapToInt(Integer::intValue).sum());
        assertEquals(980, facts.test().perClass().get(0));
    }

    @Test
    void givenAnUnknownDataSet_whenRead_thenTheKnownOnesAreNamed() {
        var error = assertThrows(IllegalArgumentException.class, () -> DatasetReader.read("cifar", null));
        assertTrue(error.getMessage().contains("mnist, fashion-mnist"), error.getMessage());
    }
}

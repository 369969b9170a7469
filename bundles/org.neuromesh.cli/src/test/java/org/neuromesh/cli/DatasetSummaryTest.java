package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSummaryTest {

    @Test
    void aMissingDataFolderIsNamedWithTheFixInTheMessage(@TempDir Path empty) {
        // given a folder without MNIST, when it is summarised
        IOException error = assertThrows(IOException.class, () -> DatasetSummary.mnist(empty.resolve("mnist")));
        // then the message names the folder and tells how to fetch the data
        assertTrue(error.getMessage().contains(empty.resolve("mnist").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("fetch-mnist.sh"), error.getMessage());
    }
}

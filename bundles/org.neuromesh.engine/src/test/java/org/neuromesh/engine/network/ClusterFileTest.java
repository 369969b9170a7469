package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.learning.NetworkShape;

class ClusterFileTest {

    @TempDir
    Path folder;

    private static GatingNetwork trainedLooking() {
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(6, 5, 4, 3), NetworkTrainingTest.GATING, 11);
        network.layer(0).threshold[2] = 0.75f;
        network.layer(1).silentSamples[1] = 4;
        Topology.prune(network, 0.25);
        return network;
    }

    @Test
    void aSavedNetworkLoadsBackIdentical() throws IOException {
        // given a network with changed node state and pruned edges
        GatingNetwork network = trainedLooking();
        Path file = folder.resolve("cluster.nmc");
        // when saved and loaded
        ClusterFile.write(network, file);
        GatingNetwork loaded = ClusterFile.read(file);
        // then every parameter and state value is the same
        assertEquals(network.shape(), loaded.shape());
        assertEquals(network.gating(), loaded.gating());
        assertEquals(network.seed(), loaded.seed());
        for (int l = 0; l < network.layerCount(); l++) {
            GatingLayer a = network.layer(l);
            GatingLayer b = loaded.layer(l);
            assertArrayEquals(a.weights, b.weights);
            assertArrayEquals(a.mask, b.mask);
            assertArrayEquals(a.threshold, b.threshold);
            assertArrayEquals(a.silentSamples, b.silentSamples);
            assertEquals(a.prunedEdges, b.prunedEdges);
        }
        assertArrayEquals(network.feedback(0), loaded.feedback(0));
        // and no temporary file is left behind
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void theInputNormalisationIsSavedWithTheNetwork() throws IOException {
        // given a network that standardises its input
        InputNormalization normalization = InputNormalization.of(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f },
                new float[] { 1f, 2f, 3f, 4f, 5f, 6f });
        GatingNetwork network = GatingNetwork.create(NetworkShape.of(6, 5, 3), NetworkTrainingTest.GATING, 11,
                normalization);
        Path file = folder.resolve("normalised.nmc");
        // when saved and loaded, then it still normalises its input the same way
        ClusterFile.write(network, file);
        assertEquals(normalization, ClusterFile.read(file).inputNormalization());
    }

    @Test
    void aFileOfTheFirstFormatVersionStillLoads() throws IOException {
        // given the bytes version 1 wrote: no normalisation flag after the layers
        GatingNetwork network = trainedLooking();
        byte[] current = ClusterFile.toBytes(network);
        byte[] content = Arrays.copyOf(current, current.length - 8 - 1);
        ByteBuffer.wrap(content).putInt(4, 1);
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] versionOne = ByteBuffer.allocate(content.length + 8).put(content).putLong(crc.getValue())
                .array();
        // when read, then it is the same network, seeing its input as it is
        GatingNetwork loaded = ClusterFile.fromBytes(versionOne, "old.nmc");
        assertArrayEquals(network.layer(0).weights, loaded.layer(0).weights);
        assertTrue(loaded.inputNormalization().isIdentity());
    }

    @Test
    void aTruncatedFileIsNamedAsTruncated() throws IOException {
        // given a saved network cut in half
        Path file = folder.resolve("cut.nmc");
        ClusterFile.write(trainedLooking(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        // when read, then the error says truncated and names the file
        IOException error = assertThrows(IOException.class, () -> ClusterFile.read(file));
        assertTrue(error.getMessage().contains("truncated") && error.getMessage().contains("cut.nmc"),
                error.getMessage());
        // and says where it ends
        assertTrue(error.getMessage().contains("truncated at byte " + bytes.length / 2), error.getMessage());
    }

    @Test
    void givenAFileClaimingAHugeLayer_whenRead_thenItIsRefusedBeforeAnythingIsAllocated() throws IOException {
        // given a small file whose header declares a first layer of 16,384 x 16,384 (2 GB of weights and mask,
        // within the sizes one layer may have), with its gating parameters valid and nothing after the sizes
        ByteBuffer header = ByteBuffer.allocate(4 + 4 + 8 + 6 * 4 + 4 + 4 + 4 + 1 + 64);
        header.putInt(0x4E4D434C).putInt(2).putLong(1);
        GatingNetwork sample = trainedLooking();
        header.putFloat(sample.gating().initialThreshold()).putFloat(sample.gating().initialTimeToRelease())
                .putFloat(sample.gating().etaD0()).putFloat(sample.gating().etaT()).putFloat(sample.gating().alpha())
                .putFloat(sample.gating().traceDecay());
        header.putInt(2).putInt(16_384).putInt(16_384).put((byte) 0);
        Path file = Files.write(folder.resolve("huge.nmc"), header.array());
        // when read, then it is refused with the sizes and the file's length, not with an OutOfMemoryError
        IOException error = assertThrows(IOException.class, () -> ClusterFile.read(file));
        assertTrue(error.getMessage().contains("huge.nmc is truncated or damaged: layer 0 declares 16384 nodes of 16384 inputs")
                && error.getMessage().contains("the file has only " + header.capacity() + " bytes"),
                error.getMessage());
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        // given a saved network with one weight byte changed
        Path file = folder.resolve("flipped.nmc");
        ClusterFile.write(trainedLooking(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[200] ^= 0x10;
        Files.write(file, bytes);
        // when read, then the checksum catches it
        IOException error = assertThrows(IOException.class, () -> ClusterFile.read(file));
        assertTrue(error.getMessage().contains("checksum"), error.getMessage());
    }

    @Test
    void anotherKindOfFileIsRefused() throws IOException {
        // given a text file
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "these are not weights, but long enough to read a header from");
        // when read, then it is named as not a cluster file
        IOException error = assertThrows(IOException.class, () -> ClusterFile.read(file));
        assertTrue(error.getMessage().contains("not a NeuroMesh cluster file"), error.getMessage());
        assertThrows(NoSuchFileException.class, () -> ClusterFile.read(folder.resolve("missing.nmc")));
    }

    @Test
    void overwritingReplacesTheOldFileWhole() throws IOException {
        // given an existing checkpoint of another network
        Path file = folder.resolve("checkpoint.nmc");
        ClusterFile.write(GatingNetwork.create(NetworkShape.of(2, 2), NetworkTrainingTest.GATING, 1), file);
        // when a bigger network is saved over it
        ClusterFile.write(trainedLooking(), file);
        // then the file holds the new network
        assertEquals(NetworkShape.of(6, 5, 4, 3), ClusterFile.read(file).shape());
    }
}

package org.neuromesh.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.math.Kernels;
import org.neuromesh.engine.math.MatrixKernels;

class InputNormalizationTest {

    private final MatrixKernels kernels = Kernels.create(1);

    @AfterEach
    void close() {
        kernels.close();
    }

    /** Three images of 1 x 2 pixels: the first pixel 0, 0.5, 1; the second always 0.25. */
    private static ImageSamples threeImages() {
        return ImageSamples.whole(new LabelledImages(3, 1, 2, new float[] { 0f, 0.25f, 0.5f, 0.25f, 1f, 0.25f },
                new byte[] { 0, 1, 0 }), 2);
    }

    @Test
    void standardisingTakesEachInputsMeanAndSpreadFromTheSamples() {
        // given samples whose first input varies and whose second does not
        // when a standardisation is fitted to them
        InputNormalization normalization = InputNormalization.standardise(threeImages());
        // then each input's mean is subtracted and its deviation (plus the floor) divided out
        double spread = Math.sqrt((0.25 + 0 + 0.25) / 3);
        assertArrayEquals(new float[] { 0.5f, 0.25f }, normalization.mean(), 1e-6f);
        assertArrayEquals(new float[] { (float) (1 / (spread + 0.1)), 1 / 0.1f }, normalization.inverseScale(),
                1e-4f);
        float[] out = new float[6];
        normalization.apply(new float[] { 0f, 0.25f, 0.5f, 0.25f, 1f, 0.25f }, 3, out);
        assertEquals(0f, out[1], 1e-6f);
        assertEquals(0f, out[2], 1e-6f);
        assertEquals(-out[0], out[4], 1e-6f);
    }

    @Test
    void aNormalisingNetworkComputesWhatAPlainOneDoesOnNormalisedInput() {
        // given two networks with the same weights, one normalising its input
        ImageSamples samples = threeImages();
        InputNormalization normalization = InputNormalization.standardise(samples);
        GatingNetwork plain = GatingNetwork.create(NetworkShape.of(2, 4, 2), NetworkTrainingTest.GATING, 5);
        GatingNetwork normalising = GatingNetwork.create(NetworkShape.of(2, 4, 2), NetworkTrainingTest.GATING, 5,
                normalization);
        float[] raw = { 0f, 0.25f, 0.5f, 0.25f, 1f, 0.25f };
        float[] normalised = new float[6];
        normalization.apply(raw, 3, normalised);
        int[] labels = { 0, 1, 0 };
        // when the plain one sees normalised input and the other raw input
        Propagation plainPass = new Propagation(plain, kernels, 3);
        Propagation normalisingPass = new Propagation(normalising, kernels, 3);
        plainPass.forward(normalised, labels, 3, false);
        normalisingPass.forward(raw, labels, 3, false);
        // then both score alike, and the rule is offered the normalised input as layer 0's pre-synaptic activity
        assertArrayEquals(plainPass.layerOutput(1), normalisingPass.layerOutput(1), 1e-6f);
        assertArrayEquals(normalised, Arrays.copyOf(normalisingPass.input(), 6), 1e-6f);
        assertArrayEquals(normalised, Arrays.copyOf(normalisingPass.layer(0).pre(), 6), 1e-6f);
    }

    @Test
    void aNormalisationForOtherInputsDoesNotFitTheNetwork() {
        // given a normalisation for 2 inputs, when a network of 3 inputs is made with it, then it is refused
        InputNormalization forTwo = InputNormalization.standardise(threeImages());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GatingNetwork.create(NetworkShape.of(3, 4, 2), NetworkTrainingTest.GATING, 5, forTwo));
        assertTrue(error.getMessage().contains("2 inputs") && error.getMessage().contains("has 3"),
                error.getMessage());
    }

    @Test
    void sequencesCannotBeNormalised() {
        // given row-by-row samples, when a normalisation is fitted, then it is refused naming the reason
        ImageSamples rows = ImageSamples.rowByRow(new LabelledImages(1, 2, 2, new float[4], new byte[1]), 2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> InputNormalization.standardise(rows));
        assertTrue(error.getMessage().contains("static samples"), error.getMessage());
    }

    @Test
    void statisticsThatAreNotFiniteOrScalesThatAreNotPositiveAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> InputNormalization.of(new float[] { Float.NaN }, new float[] { 1f }));
        assertThrows(IllegalArgumentException.class, () -> InputNormalization.of(new float[] { 0f },
                new float[] { 0f }));
        assertThrows(IllegalArgumentException.class, () -> InputNormalization.of(new float[] { 0f, 1f },
                new float[] { 1f }));
    }
}

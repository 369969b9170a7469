package org.neuromesh.api.learning;

import java.util.Arrays;

/**
 * Layer widths of a network, input first, output last; e.g. {@code 784, 256, 10}.
 *
 * @param layerSizes at least two positive widths
 */
public record NetworkShape(int[] layerSizes) {

    public NetworkShape {
        if (layerSizes == null || layerSizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer, got "
                    + Arrays.toString(layerSizes));
        }
        for (int i = 0; i < layerSizes.length; i++) {
            if (layerSizes[i] <= 0) {
                throw new IllegalArgumentException("layer " + i + " has width " + layerSizes[i]
                        + "; every width must be positive");
            }
        }
        layerSizes = layerSizes.clone();
    }

    /** Convenience factory: {@code NetworkShape.of(784, 256, 10)}. */
    public static NetworkShape of(int... layerSizes) {
        return new NetworkShape(layerSizes);
    }

    @Override
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    /** Width of layer {@code index}. */
    public int width(int index) {
        return layerSizes[index];
    }

    /** Number of weight layers. */
    public int weightLayerCount() {
        return layerSizes.length - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkShape s && Arrays.equals(layerSizes, s.layerSizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layerSizes);
    }

    @Override
    public String toString() {
        return Arrays.toString(layerSizes);
    }
}

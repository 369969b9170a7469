package org.neuromesh.api.training;

/**
 * How fast the trained network classifies the final evaluation's samples, with every product dense and with
 * products that skip silent nodes and zero inputs (the median of a few alternated passes each).
 *
 * @param denseSamplesPerSecond    samples per second with dense products
 * @param skippingSamplesPerSecond samples per second skipping silent nodes and zero inputs
 * @param speedUp                  dense time over skipping time
 * @param denseAccuracy            accuracy of the dense passes (0..1)
 * @param skippingAccuracy         accuracy of the skipping passes (0..1), the same unless something is wrong
 * @since 1.3
 */
public record InferenceTiming(double denseSamplesPerSecond, double skippingSamplesPerSecond, double speedUp,
        double denseAccuracy, double skippingAccuracy) {
}

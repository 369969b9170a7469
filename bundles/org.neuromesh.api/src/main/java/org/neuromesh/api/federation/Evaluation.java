package org.neuromesh.api.federation;

/**
 * Accuracy of a model on the peer's local test data.
 *
 * @param accuracy fraction right, 0..1
 * @param perClass fraction right per class (NaN for a class without test samples)
 * @param samples test samples used
 */
public record Evaluation(double accuracy, double[] perClass, int samples) {

    public Evaluation {
        perClass = perClass == null ? new double[0] : perClass.clone();
    }

    @Override
    public double[] perClass() {
        return perClass.clone();
    }

    /** Fraction right over the samples of the given classes, weighting classes equally; NaN if none has samples. */
    public double accuracyOn(int... classes) {
        double sum = 0;
        int counted = 0;
        for (int c : classes) {
            if (c >= 0 && c < perClass.length && !Double.isNaN(perClass[c])) {
                sum += perClass[c];
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}

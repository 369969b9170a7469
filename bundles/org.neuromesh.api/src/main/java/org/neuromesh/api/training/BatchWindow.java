package org.neuromesh.api.training;

/**
 * A window of consecutive batches of an epoch: what the learning curve looks like inside an epoch. A run reports
 * about forty windows per epoch, however many batches it has.
 *
 * @param epoch    1 for the first
 * @param done     batches of the epoch trained at the window's end
 * @param total    batches of the epoch
 * @param loss     mean training loss over the window's samples
 * @param accuracy share of the window's samples the network got right as it trained on them (0..1)
 */
public record BatchWindow(int epoch, int done, int total, double loss, double accuracy) {

    /** Where the window ends, in epochs: 1.5 is the middle of the second epoch. */
    public double position() {
        return epoch - 1 + (total == 0 ? 1 : (double) done / total);
    }
}

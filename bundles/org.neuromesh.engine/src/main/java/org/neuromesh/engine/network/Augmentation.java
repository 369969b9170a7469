package org.neuromesh.engine.network;

import java.util.Locale;

/**
 * How training images are varied each time they are drawn: shifted by up to {@code maxShift} pixels along each
 * axis (uniformly, independently; the pixels moved in are 0), and, with {@code flip}, mirrored left to right
 * half of the time. Labels never change. Applied to training samples only, never to test samples.
 *
 * @param maxShift largest shift in pixels along each axis, 0..8 (0: no shift)
 * @param flip whether images are mirrored left to right with probability 1/2 (for classes that are symmetric
 *        that way, as Fashion-MNIST's clothes are; not for digits)
 */
public record Augmentation(int maxShift, boolean flip) {

    /** The largest shift accepted. */
    public static final int MAX_SHIFT = 8;

    /** Images as they are. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** What {@code --augment shift} means: random translations of up to 2 pixels along each axis. */
    public static final Augmentation SHIFT = new Augmentation(2, false);

    /** What {@code --augment shift-flip} means: {@link #SHIFT} and a random left-right mirror. */
    public static final Augmentation SHIFT_FLIP = new Augmentation(2, true);

    public Augmentation {
        if (maxShift < 0 || maxShift > MAX_SHIFT) {
            throw new IllegalArgumentException("the shift must be 0.." + MAX_SHIFT + " pixels, got " + maxShift);
        }
    }

    /**
     * @param name {@code none}, {@code shift} or {@code shift-flip}
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Augmentation fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "shift" -> SHIFT;
            case "shift-flip" -> SHIFT_FLIP;
            default -> throw new IllegalArgumentException("augmentation must be one of none, shift, shift-flip; got '"
                    + name + "'");
        };
    }

    /** Whether this changes anything. */
    public boolean active() {
        return maxShift > 0 || flip;
    }

    /** The name {@link #fromName} takes, or a description for other combinations. */
    public String id() {
        if (equals(NONE)) {
            return "none";
        }
        if (equals(SHIFT)) {
            return "shift";
        }
        if (equals(SHIFT_FLIP)) {
            return "shift-flip";
        }
        return "shift " + maxShift + (flip ? " flip" : "");
    }
}
